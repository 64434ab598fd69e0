package org.firebreak.detection.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.firebreak.shared.StoredText;
import org.firebreak.shared.web.InvalidRequestField;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * Reads the senders' JSON by hand rather than binding it: they add fields over time (Alertmanager's
 * truncatedAlerts, PagerDuty's links and images) that a strict binder would refuse, and a rejection must name
 * the field at fault by its path, e.g. {@code alerts[1].fingerprint}. A sender's text is never refused over a control
 * character: each one the {@link StoredText} rule refuses is replaced by U+FFFD (a scan of the text, no copy when
 * there is none).
 */
record JsonFields(JsonNode node, String path) {

    /**
     * Times already parsed: a sender repeats an alert with the same startsAt all day, and parsing RFC 3339 text is a
     * good part of what a one-alert request costs. Started afresh once it holds {@link #PARSED_LIMIT}.
     */
    private static final Map<String, Instant> PARSED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int PARSED_LIMIT = 10_000;

    static JsonFields root(JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidRequestField("body", "must be a JSON object");
        }
        return new JsonFields(node, "");
    }

    String required(String name) {
        String value = optional(name);
        if (value == null || value.isBlank()) {
            throw new InvalidRequestField(at(name), "is required");
        }
        return value;
    }

    @Nullable
    String optional(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidRequestField(at(name), "must be a string");
        }
        return StoredText.clean(value.asString());
    }

    JsonFields object(String name, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidRequestField(at(name), "is required");
            }
            return new JsonFields(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode(), at(name));
        }
        if (!value.isObject()) {
            throw new InvalidRequestField(at(name), "must be an object");
        }
        return new JsonFields(value, at(name));
    }

    /**
     * An object of strings, as Alertmanager's labels and annotations are; other values are kept as JSON text. Names
     * and values hold to {@link StoredText}'s rule, their refused characters replaced.
     */
    Map<String, String> strings() {
        Map<String, String> values = new LinkedHashMap<>();
        node.properties().forEach(e -> values.put(StoredText.clean(e.getKey()), StoredText.clean(
                e.getValue().isString() ? e.getValue().asString() : e.getValue().toString())));
        return values;
    }

    @Nullable
    Instant instant(String name) {
        String text = optional(name);
        if (text == null || text.isBlank() || text.startsWith("0001-01-01")) {
            return null; // Go's zero time: Alertmanager sends it as endsAt of a firing alert
        }
        Instant known = PARSED.get(text);
        if (known != null) {
            return known;
        }
        try {
            Instant parsed = Instant.parse(text);
            if (PARSED.size() >= PARSED_LIMIT) {
                PARSED.clear();
            }
            PARSED.put(text, parsed);
            return parsed;
        } catch (DateTimeParseException e) {
            throw new InvalidRequestField(at(name), "'" + text + "' is not an RFC 3339 time");
        }
    }

    String at(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
