package org.firebreak.notify;

import org.firebreak.notify.ChannelSender.Outgoing;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the push and chat channels (ntfy, Telegram, Matrix, SMS) pick out of a rendered message to build their own
 * request: the incident, its severity and title, its link, and a page's acknowledge link. Read from the payload the
 * message was stored with, so every attempt builds the same request. An announcement about no incident has none of
 * them but its subject and text.
 */
record MessageFacts(MessageKind kind, String subject, String text, @Nullable String incident,
        @Nullable String severity, @Nullable String title, @Nullable String incidentUrl, @Nullable String ackUrl) {

    static MessageFacts of(Outgoing out, JsonMapper json) {
        JsonNode payload = json.readTree(out.message().payload());
        JsonNode about = payload.path("incident");
        return new MessageFacts(out.kind(), out.message().subject(), out.message().body().strip(),
                text(about.path("id")), text(about.path("severity")), text(about.path("title")),
                text(about.path("url")), text(payload.path("values").path("ackUrl")));
    }

    /** {@code subject}, a blank line, the text: how a chat message reads. */
    String subjectAndText() {
        return subject + "\n\n" + text;
    }

    private static @Nullable String text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }

    /** A JSON object with its fields in the order given, so that every attempt sends the same bytes. */
    static java.util.Map<String, Object> object(Object... namesAndValues) {
        java.util.Map<String, Object> object = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }

    /** {@code text} cut to {@code max} characters, an ellipsis marking the cut. */
    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
    }
}
