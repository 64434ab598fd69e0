package org.firebreak.shared;

/**
 * Thrown by a configuration record's constructor to say which of its own fields is wrong; the YAML loader
 * prefixes the path of the record in the document and adds file and line.
 */
public class ConfigProblem extends IllegalArgumentException {

    private final String field;

    public ConfigProblem(String field, String problem) {
        super(problem);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** Fails with a problem on {@code field} when {@code value} is null or blank. */
    public static <T> T required(String field, T value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new ConfigProblem(field, "is required");
        }
        return value;
    }
}
