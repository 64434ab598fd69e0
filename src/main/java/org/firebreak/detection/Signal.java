package org.firebreak.detection;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.firebreak.shared.IncidentType;
import org.firebreak.shared.Severity;
import org.jspecify.annotations.Nullable;

/**
 * One external report about one alert, already read from its wire format.
 *
 * @param dedupKey the sender's key for the alert (Alertmanager fingerprint, PagerDuty dedup_key)
 * @param severity null means the integration's default
 * @param type null means the integration's default
 * @param source who sent it, for the timeline (e.g. "receiver ops, group {}:{alertname=\"X\"}")
 */
public record Signal(String dedupKey, SignalAction action, String title, String summary,
        @Nullable Severity severity, @Nullable IncidentType type, List<String> components,
        Map<String, String> labels, @Nullable Instant startedAt, String source) {

    public Signal {
        components = List.copyOf(components);
        labels = Map.copyOf(labels);
    }
}
