package org.firebreak.shared;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads operator YAML into records and turns every failure into an {@link InvalidConfiguration} that names
 * file, line and field. Unknown fields are errors: a typo must not silently drop a step.
 */
public final class YamlDocuments {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private YamlDocuments() {
    }

    public static <T> T read(Path file, Class<T> type) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in, type);
        } catch (IOException e) {
            throw InvalidConfiguration.in(file, "cannot be read: " + e.getMessage());
        }
    }

    public static <T> T read(String source, InputStream in, Class<T> type) {
        try {
            T value = MAPPER.readValue(in, type);
            if (value == null) {
                throw InvalidConfiguration.at(source, 1, "", "the document is empty");
            }
            return value;
        } catch (JacksonException e) {
            throw translate(source, e);
        }
    }

    private static InvalidConfiguration translate(String source, JacksonException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        String path = FieldPath.of(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            return InvalidConfiguration.at(source, line, path, "unknown field; allowed: "
                    + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                            .collect(Collectors.joining(", ")), e);
        }
        ConfigProblem problem = causeOfType(e, ConfigProblem.class);
        if (problem != null) {
            return InvalidConfiguration.at(source, line, join(path, problem.field()), problem.getMessage(), e);
        }
        IllegalArgumentException invalid = causeOfType(e, IllegalArgumentException.class);
        if (invalid != null) {
            return InvalidConfiguration.at(source, line, path, invalid.getMessage(), e);
        }
        return InvalidConfiguration.at(source, line, path, e.getOriginalMessage(), e);
    }

    private static <X extends Throwable> @Nullable X causeOfType(Throwable e, Class<X> type) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String join(String path, String field) {
        if (path.isEmpty()) {
            return field;
        }
        return field.isEmpty() ? path : path + "." + field;
    }
}
