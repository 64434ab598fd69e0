package org.firebreak.detection.web;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.firebreak.detection.Signal;
import org.firebreak.detection.SignalAction;
import org.firebreak.shared.Severity;
import org.firebreak.shared.StoredText;
import org.firebreak.shared.web.InvalidRequestField;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * Reads a PagerDuty Events API v2 event into one signal, keyed by its dedup_key; the custom detail
 * {@code firebreak_group} puts events of several keys into one incident.
 */
final class PagerDutyEvent {

    private PagerDutyEvent() {
    }

    /** The routing key, read first so a wrong secret is answered 401 before the event is judged. */
    static @Nullable String routingKey(JsonNode body) {
        JsonNode key = body.isObject() ? body.get("routing_key") : null;
        return key != null && key.isString() ? key.asString() : null;
    }

    static Signal signal(JsonNode body) {
        JsonFields event = JsonFields.root(body);
        String actionName = event.required("event_action");
        SignalAction action = switch (actionName) {
            case "trigger" -> SignalAction.TRIGGER;
            case "acknowledge" -> SignalAction.ACKNOWLEDGE;
            case "resolve" -> SignalAction.RESOLVE;
            default -> throw new InvalidRequestField("event_action",
                    "'" + actionName + "' is not trigger, acknowledge or resolve");
        };
        if (action != SignalAction.TRIGGER) {
            return new Signal(dedupKey(event.required("dedup_key")), action, "", "", null, null,
                    java.util.List.of(), Map.of(), null, "PagerDuty event", null, null);
        }
        // Like PagerDuty, a trigger without a dedup_key gets one, returned so the sender can resolve it later.
        String given = event.optional("dedup_key");
        String key = dedupKey(given == null || given.isBlank() ? UUID.randomUUID().toString().replace("-", "") : given);
        JsonFields payload = event.object("payload", true);
        String summary = payload.required("summary");
        String source = payload.required("source");
        String severityName = payload.required("severity");
        Severity severity = SeverityNames.PAGERDUTY.get(severityName.toLowerCase(Locale.ROOT));
        if (severity == null) {
            throw new InvalidRequestField(payload.at("severity"),
                    "'" + severityName + "' is not critical, error, warning or info");
        }
        JsonFields details = payload.object("custom_details", false);
        Map<String, String> detailValues = details.strings();
        Severity override = SeverityNames.override(detailValues.get("firebreak_severity"), details.at("firebreak_severity"));
        // Like PagerDuty, events group by dedup_key; firebreak_group puts several keys in one incident.
        String group = Texts.group(detailValues.get("firebreak_group"), details.at("firebreak_group"));
        String component = payload.optional("component");
        String text = summary + "\nSource: " + source + (component == null ? "" : "\nComponent: " + component)
                + (payload.optional("group") == null ? "" : "\nGroup: " + payload.optional("group"))
                + (payload.optional("class") == null ? "" : "\nClass: " + payload.optional("class"))
                + (detailValues.isEmpty() ? "" : "\nDetails: " + detailValues);
        return new Signal(key, action, StoredText.abbreviate(summary, 200), StoredText.abbreviate(text, 4000),
                override != null ? override : severity,
                AlertmanagerWebhook.type(detailValues.get("firebreak_type"), details.at("firebreak_type")),
                Texts.components(Stream.of(component)), Texts.labels(detailValues), payload.instant("timestamp"),
                "PagerDuty event from " + StoredText.abbreviate(source, 200), group == null ? null : Texts.OWN_GROUP + group, group);
    }

    private static String dedupKey(String key) {
        if (key.length() > 255) {
            throw new InvalidRequestField("dedup_key", "is longer than 255 characters");
        }
        return key;
    }
}
