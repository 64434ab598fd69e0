package org.firebreak.detection.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.firebreak.detection.Signal;
import org.firebreak.detection.SignalAction;
import org.firebreak.shared.IncidentType;
import org.firebreak.shared.StoredText;
import org.firebreak.shared.web.InvalidRequestField;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * Reads Alertmanager's webhook payload, version 4, into one signal per alert, keyed by the alert's fingerprint. One
 * notification is one of Alertmanager's groups: its alerts share one incident, keyed by the notification's groupKey
 * and named by its groupLabels' values ("BundleReverts"). An alert labelled {@code firebreak_group} joins that group
 * instead, across notifications.
 */
final class AlertmanagerWebhook {

    private static final int MAX_ALERTS = 1000;

    private AlertmanagerWebhook() {
    }

    static List<Signal> signals(JsonNode body) {
        JsonFields root = JsonFields.root(body);
        String version = root.required("version");
        if (!version.equals("4")) {
            throw new InvalidRequestField("version", "'" + version + "' is not supported; Firebreak reads version 4");
        }
        root.required("status");
        String receiver = root.optional("receiver");
        String groupKey = root.optional("groupKey");
        JsonNode alerts = body.get("alerts");
        if (alerts == null || !alerts.isArray() || alerts.isEmpty()) {
            throw new InvalidRequestField("alerts", "must be a non-empty array of alerts");
        }
        if (alerts.size() > MAX_ALERTS) {
            throw new InvalidRequestField("alerts", "has " + alerts.size() + " alerts; at most " + MAX_ALERTS);
        }
        String source = "Alertmanager receiver " + receiver + ", group " + groupKey;
        Map<String, String> groupLabels = root.object("groupLabels", false).strings();
        String groupName = groupLabels.isEmpty() ? receiver : String.join(", ", groupLabels.values());
        if (groupKey != null && groupKey.length() > 500) {
            throw new InvalidRequestField("groupKey", "is longer than 500 characters");
        }
        List<Signal> signals = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            JsonNode alert = alerts.get(i);
            if (!alert.isObject()) {
                throw new InvalidRequestField("alerts[" + i + "]", "must be an object");
            }
            signals.add(signal(new JsonFields(alert, "alerts[" + i + "]"), source, groupKey, groupName));
        }
        return signals;
    }

    private static Signal signal(JsonFields alert, String source, @Nullable String groupKey,
            @Nullable String groupName) {
        String status = alert.required("status");
        SignalAction action = switch (status) {
            case "firing" -> SignalAction.TRIGGER;
            case "resolved" -> SignalAction.RESOLVE;
            default -> throw new InvalidRequestField(alert.at("status"), "'" + status + "' is not firing or resolved");
        };
        String fingerprint = alert.required("fingerprint");
        if (fingerprint.length() > 255) {
            throw new InvalidRequestField(alert.at("fingerprint"), "is longer than 255 characters");
        }
        JsonFields labelFields = alert.object("labels", true);
        Map<String, String> labels = labelFields.strings();
        Map<String, String> annotations = alert.object("annotations", false).strings();
        String title = first(annotations.get("summary"), annotations.get("title"), labels.get("alertname"),
                "Alert " + fingerprint);
        String summary = first(annotations.get("description"), annotations.get("message"), title)
                + "\nLabels: " + labels + (alert.optional("generatorURL") == null ? "" : "\nSource: " + alert.optional("generatorURL"));
        var severity = SeverityNames.override(labels.get("firebreak_severity"), labelFields.at("firebreak_severity"));
        String own = Texts.group(labels.get("firebreak_group"), labelFields.at("firebreak_group"));
        return new Signal(fingerprint, action, StoredText.abbreviate(title, 200), StoredText.abbreviate(summary, 4000),
                severity != null ? severity : SeverityNames.alertmanager(labels.get("severity")),
                type(labels.get("firebreak_type"), labelFields.at("firebreak_type")),
                Texts.components(Stream.of(labels.get("component"), labels.get("service"))), Texts.labels(labels),
                alert.instant("startsAt"), source, own != null ? Texts.OWN_GROUP + own : groupKey,
                own != null ? own : groupName);
    }

    static @Nullable IncidentType type(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new IncidentType(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestField(field, e.getMessage());
        }
    }

    private static String first(@Nullable String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c.strip();
            }
        }
        throw new IllegalArgumentException("the last candidate is never blank");
    }
}
