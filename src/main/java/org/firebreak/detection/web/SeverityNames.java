package org.firebreak.detection.web;

import java.util.Locale;
import java.util.Map;

import org.firebreak.shared.Severity;
import org.firebreak.shared.web.InvalidRequestField;
import org.jspecify.annotations.Nullable;

/** The severity words senders use, mapped to the plan's four levels. */
final class SeverityNames {

    /** Common Prometheus rule conventions; anything else falls back to the integration's default. */
    private static final Map<String, Severity> ALERTMANAGER = Map.ofEntries(
            Map.entry("critical", Severity.CRITICAL), Map.entry("page", Severity.CRITICAL),
            Map.entry("p1", Severity.CRITICAL), Map.entry("high", Severity.HIGH), Map.entry("error", Severity.HIGH),
            Map.entry("major", Severity.HIGH), Map.entry("p2", Severity.HIGH), Map.entry("warning", Severity.MEDIUM),
            Map.entry("warn", Severity.MEDIUM), Map.entry("medium", Severity.MEDIUM), Map.entry("p3", Severity.MEDIUM),
            Map.entry("info", Severity.LOW), Map.entry("low", Severity.LOW), Map.entry("minor", Severity.LOW),
            Map.entry("none", Severity.LOW), Map.entry("p4", Severity.LOW));

    /** PagerDuty Events v2 allows exactly these four. */
    static final Map<String, Severity> PAGERDUTY = Map.of("critical", Severity.CRITICAL, "error", Severity.HIGH,
            "warning", Severity.MEDIUM, "info", Severity.LOW);

    private SeverityNames() {
    }

    static @Nullable Severity alertmanager(@Nullable String label) {
        return label == null ? null : ALERTMANAGER.get(label.strip().toLowerCase(Locale.ROOT));
    }

    /** The explicit override, {@code firebreak_severity}, must be one of the plan's levels. */
    static @Nullable Severity override(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Severity.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestField(field, "'" + value + "' is not one of CRITICAL, HIGH, MEDIUM, LOW");
        }
    }
}
