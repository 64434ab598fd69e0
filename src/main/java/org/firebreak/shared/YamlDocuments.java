package org.firebreak.shared;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;
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
            .addModule(new SimpleModule("durations").addDeserializer(Duration.class, new DurationDeserializer()))
            .build();

    private YamlDocuments() {
    }

    /** Durations as people write them ({@code 5m}, {@code 500ms}, {@code 7d}) or in ISO-8601 ({@code PT5M}). */
    private static final class DurationDeserializer extends ValueDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = p.getValueAsString();
            try {
                return DurationStyle.detectAndParse(text == null ? "" : text.strip());
            } catch (IllegalArgumentException e) {
                return (Duration) ctxt.handleWeirdStringValue(Duration.class, text,
                        "expected a duration such as 30s, 5m, 7d or PT5M");
            }
        }
    }

    /** The YAML files of a shipped folder on the classpath, e.g. {@code classpath*:firebreak/rules/*.yml}. */
    public static Resource[] shipped(String pattern) {
        try {
            return new PathMatchingResourcePatternResolver().getResources(pattern);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list shipped files " + pattern, e);
        }
    }

    /** The operators' {@code *.yml} and {@code *.yaml} files in a directory, by name; none when it does not exist. */
    public static List<Path> filesIn(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw InvalidConfiguration.in(directory, "cannot be listed: " + e.getMessage());
        }
    }

    public static <T> T read(Path file, Class<T> type) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in, type);
        } catch (IOException e) {
            throw InvalidConfiguration.in(file, "cannot be read: " + e.getMessage());
        }
    }

    public static <T> T read(String source, InputStream in, Class<T> type) {
        String text;
        try {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw InvalidConfiguration.at(source, 0, "", "cannot be read: " + e.getMessage(), e);
        }
        try {
            T value = MAPPER.readValue(text, type);
            if (value == null) {
                throw InvalidConfiguration.at(source, 1, "", "the document is empty");
            }
            return value;
        } catch (JacksonException e) {
            throw translate(source, text, e);
        }
    }

    private static InvalidConfiguration translate(String source, String text, JacksonException e) {
        int line = lineOf(e);
        String path = FieldPath.of(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            line = lineOfKey(text, unknown.getPropertyName(), line);
            return InvalidConfiguration.at(source, line, path, "unknown field; allowed: "
                    + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                            .collect(Collectors.joining(", ")), e);
        }
        ConfigProblem problem = causeOfType(e, ConfigProblem.class);
        if (problem != null) {
            // A record constructor runs after its fields are read; find the line of the field it blames.
            line = problem.field().isEmpty() ? line : lineOfKey(text, problem.field(), line);
            return InvalidConfiguration.at(source, line, join(path, problem.field()), problem.getMessage(), e);
        }
        IllegalArgumentException invalid = causeOfType(e, IllegalArgumentException.class);
        if (invalid != null) {
            return InvalidConfiguration.at(source, line, path, invalid.getMessage(), e);
        }
        return InvalidConfiguration.at(source, line, path, e.getOriginalMessage(), e);
    }

    /** The line of the token at fault; the exception's own location may already be past its line break. */
    private static int lineOf(JacksonException e) {
        if (e.processor() instanceof JsonParser parser && parser.currentTokenLocation() != null) {
            return parser.currentTokenLocation().getLineNr();
        }
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    /**
     * Records are built once all their fields are read, so Jackson reports a problem with a field where the
     * object ends; the key itself is the last line at or before that point that declares it.
     */
    private static int lineOfKey(String text, String key, int reported) {
        String[] lines = text.split("\\R", -1);
        Pattern declaration = Pattern.compile("(?:^|[\\s{,-])\"?" + Pattern.quote(key) + "\"?\\s*:");
        for (int i = Math.min(reported, lines.length) - 1; i >= 0; i--) {
            if (declaration.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return reported;
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
