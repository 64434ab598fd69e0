package org.firebreak.detection;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.firebreak.shared.IncidentType;
import org.firebreak.shared.Severity;
import org.jspecify.annotations.Nullable;

/**
 * One report about one alert, already read from its wire format or raised by one of Firebreak's own rules.
 *
 * @param dedupKey the sender's key for the alert (Alertmanager fingerprint, PagerDuty dedup_key, rule id)
 * @param severity null means the integration's default
 * @param type null means the integration's default
 * @param criteria the plan's classification criteria (e.g. SECURITY_BREACH) the incident is opened with
 * @param source who sent it, for the timeline (e.g. "receiver ops, group {}:{alertname=\"X\"}")
 * @param group alerts of one group share one open incident; null means the alert stands alone
 * @param resolvesIncident when this alert resolves, resolve its incident too once all its alerts are resolved
 */
public record Signal(String dedupKey, SignalAction action, String title, String summary,
        @Nullable Severity severity, @Nullable IncidentType type, List<String> criteria, List<String> components,
        Map<String, String> labels, @Nullable Instant startedAt, String source, @Nullable String group,
        boolean resolvesIncident) {

    public Signal {
        criteria = List.copyOf(criteria);
        components = List.copyOf(components);
        labels = Map.copyOf(labels);
    }

    /** An external sender's report: no criteria, no group, incidents left for a human to resolve. */
    public Signal(String dedupKey, SignalAction action, String title, String summary, @Nullable Severity severity,
            @Nullable IncidentType type, List<String> components, Map<String, String> labels,
            @Nullable Instant startedAt, String source) {
        this(dedupKey, action, title, summary, severity, type, List.of(), components, labels, startedAt, source, null,
                false);
    }
}
