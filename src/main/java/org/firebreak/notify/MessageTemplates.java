package org.firebreak.notify;

import org.firebreak.shared.web.PublicUrl;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import org.firebreak.incident.IncidentView;
import org.firebreak.shared.InvalidConfiguration;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * One Mustache template per message kind ({@code page.mustache}, {@code status-update.mustache}, …): a first line
 * {@code Subject: …}, a blank line, then the body. The shipped templates live under
 * {@code firebreak/notify/templates}; a file of the same name in {@code firebreak.notify.templates} replaces one. All
 * are compiled at start-up, so a broken template stops the server with its file and line rather than a page.
 *
 * <p>What a template sees: {@code incident.id|title|summary|severity|status|type|commander|commanderOrNone|
 * components|componentList|url}, {@code values.<name>} (the request's values), {@code valueList} (each value as
 * {@code name}, {@code value}) and {@code kind}.
 */
@Component
class MessageTemplates {

    private static final String SHIPPED = "firebreak/notify/templates/";

    private final Path directory;
    private final PublicUrl publicUrl;
    private final Mustache.Compiler compiler;
    private final Map<MessageKind, Template> templates = new EnumMap<>(MessageKind.class);

    @org.springframework.beans.factory.annotation.Autowired
    MessageTemplates(NotifySettings settings, PublicUrl publicUrl) {
        this(settings.templates(), publicUrl);
    }

    MessageTemplates(Path directory, PublicUrl publicUrl) {
        this.directory = directory;
        this.publicUrl = publicUrl;
        this.compiler = Mustache.compiler().escapeHTML(false).defaultValue("").emptyStringIsFalse(true)
                .withLoader(name -> new StringReader(source(name + ".mustache")));
        for (MessageKind kind : MessageKind.values()) {
            String file = fileName(kind);
            try {
                templates.put(kind, compiler.compile(source(file)));
            } catch (MustacheException e) {
                throw InvalidConfiguration.at(where(file), 0, "", "template does not compile: " + e.getMessage(), e);
            }
        }
    }

    static String fileName(MessageKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".mustache";
    }

    Rendered render(MessageKind kind, @Nullable IncidentView incident, Map<String, String> values) {
        String text = templates.get(kind).execute(model(kind, incident, values));
        String[] parts = text.split("\\R", 2);
        if (!parts[0].startsWith("Subject:")) {
            throw new IllegalStateException(where(fileName(kind)) + ": the first line must be 'Subject: ...'");
        }
        String body = parts.length > 1 ? parts[1].strip() : "";
        return new Rendered(parts[0].substring("Subject:".length()).strip(), body + "\n");
    }

    String incidentUrl(IncidentView incident) {
        return publicUrl.base() + "/incidents/" + incident.id();
    }

    private Map<String, Object> model(MessageKind kind, @Nullable IncidentView incident,
            Map<String, String> values) {
        Map<String, Object> i = new LinkedHashMap<>();
        if (incident == null) {
            return Map.of("kind", kind.name(), "incident", i, "values", values, "valueList", valueList(values));
        }
        i.put("id", incident.id().toString());
        i.put("title", incident.title());
        i.put("summary", incident.summary());
        i.put("severity", incident.severity().name());
        i.put("status", incident.status().name());
        i.put("type", incident.type().name());
        i.put("commander", incident.commander() == null ? "" : incident.commander());
        i.put("commanderOrNone", incident.commander() == null ? "none yet" : incident.commander());
        i.put("components", incident.components());
        i.put("componentList", incident.components().isEmpty() ? "no component named"
                : String.join(", ", incident.components()));
        i.put("url", incidentUrl(incident));
        return Map.of("kind", kind.name(), "incident", i, "values", values, "valueList", valueList(values));
    }

    private static List<Map<String, String>> valueList(Map<String, String> values) {
        return values.entrySet().stream()
                .filter(e -> !e.getKey().equals("subject") && !e.getKey().equals("text"))
                .sorted(Map.Entry.comparingByKey()).map(e -> Map.of("name", e.getKey(), "value", e.getValue()))
                .toList();
    }

    private String source(String file) {
        Path operators = directory.resolve(file);
        try {
            if (Files.isRegularFile(operators)) {
                return Files.readString(operators, StandardCharsets.UTF_8);
            }
            ClassPathResource shipped = new ClassPathResource(SHIPPED + file);
            try (InputStream in = shipped.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw InvalidConfiguration.at(where(file), 0, "", "template cannot be read: " + e.getMessage(), e);
        }
    }

    private String where(String file) {
        return Files.isRegularFile(directory.resolve(file)) ? directory.resolve(file).toString() : SHIPPED + file;
    }

    /** A rendered subject and body. */
    record Rendered(String subject, String body) {
    }
}
