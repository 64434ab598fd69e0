package org.firebreak.shared;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * Operator configuration that cannot be used. The message names the file, the line and the field so the
 * operator can fix it without reading a stack trace.
 */
public class InvalidConfiguration extends RuntimeException {

    private final String source;
    private final int line;
    private final String field;

    private InvalidConfiguration(String source, int line, String field, String problem, @Nullable Throwable cause) {
        super(source + (line > 0 ? ":" + line : "") + (field.isEmpty() ? "" : ": field '" + field + "'") + ": " + problem,
                cause);
        this.source = source;
        this.line = line;
        this.field = field;
    }

    public static InvalidConfiguration at(String source, int line, String field, String problem) {
        return new InvalidConfiguration(source, line, field, problem, null);
    }

    public static InvalidConfiguration at(String source, int line, String field, String problem, Throwable cause) {
        return new InvalidConfiguration(source, line, field, problem, cause);
    }

    public static InvalidConfiguration in(Path file, String problem) {
        return new InvalidConfiguration(file.toString(), 0, "", problem, null);
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }
}
