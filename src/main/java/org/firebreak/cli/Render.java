package org.firebreak.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.firebreak.shared.TimeText;

import tools.jackson.databind.JsonNode;

/** How the CLI shows incidents, checklists and timelines as text. */
final class Render {

    private Render() {
    }

    /** An instant to the second, in UTC, as an engineer reads it at 3 a.m.: {@code 2026-11-25 03:14:07Z}. */
    static String time(JsonNode node, String field) {
        String text = text(node, field);
        try {
            return TimeText.at(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "-" : value.asString();
    }

    static void incident(JsonNode i, PrintWriter out) {
        out.println(text(i, "id") + "  " + text(i, "title"));
        new Table("", "")
                .row("severity", text(i, "severity") + criteria(i))
                .row("type", text(i, "type"))
                .row("status", text(i, "status") + "  (next: " + join(i.get("allowedNextStatuses")) + ")")
                .row("commander", text(i, "commander"))
                .row("responders", join(i.get("responders")))
                .row("components", join(i.get("components")))
                .row("detected", time(i, "detectedAt"))
                .row("acknowledged", time(i, "acknowledgedAt") + ack(i))
                .row("resolved", time(i, "resolvedAt") + resolve(i))
                .print(out);
        out.println();
        checklist(i.get("checklist"), out);
    }

    static void checklist(JsonNode steps, PrintWriter out) {
        Table table = new Table("NO", "STATE", "KIND", "SECTION", "STEP", "RESULT");
        for (JsonNode s : steps) {
            String result = s.get("outcome") != null && !s.get("outcome").isNull()
                    ? text(s.get("outcome"), "result") + ": " + text(s.get("outcome"), "summary")
                    : s.get("automationAvailable").asBoolean() || s.get("automation").isNull() ? ""
                            : "(no executor yet: do by hand)";
            String state = text(s, "state") + (s.get("note").isNull() ? "" : "*");
            table.row(text(s, "no"), state, text(s, "kind"), text(s, "section"), text(s, "title"), result);
        }
        table.print(out);
    }

    static void timeline(JsonNode entries, PrintWriter out) {
        Table table = new Table("#", "AT", "ACTOR", "KIND", "WHAT");
        for (JsonNode e : entries) {
            table.row(text(e, "seq"), time(e, "at"), text(e, "actor"), text(e, "kind"), text(e, "text"));
        }
        table.print(out);
    }

    private static String criteria(JsonNode i) {
        return i.get("criteria").isEmpty() ? "" : "  (criteria: " + join(i.get("criteria")) + ")";
    }

    private static String ack(JsonNode i) {
        return i.get("timeToAcknowledge").isNull() ? "" : "  (time to acknowledge " + text(i, "timeToAcknowledge") + ")";
    }

    private static String resolve(JsonNode i) {
        return i.get("timeToResolve").isNull() ? "" : "  (time to resolve " + text(i, "timeToResolve") + ")";
    }

    static String join(JsonNode array) {
        if (array == null || array.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder();
        array.forEach(v -> out.append(out.isEmpty() ? "" : ", ").append(v.asString()));
        return out.toString();
    }
}
