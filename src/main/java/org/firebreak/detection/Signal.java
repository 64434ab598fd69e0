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
 * @param group alerts of one group (per integration) share one open incident; null means the alert stands alone
 * @param groupName what people call the group, for titles and the timeline (e.g. "BundleReverts"); null: the key
 * @param resolvesIncident when this alert resolves, resolve its incident too once all its alerts are resolved
 */
public record Signal(String dedupKey, SignalAction action, String title, String summary,
        @Nullable Severity severity, @Nullable IncidentType type, List<String> criteria, List<String> components,
        Map<String, String> labels, @Nullable Instant startedAt, String source, @Nullable String group,
        @Nullable String groupName, boolean resolvesIncident) {

    public Signal {
        criteria = List.copyOf(criteria);
        components = List.copyOf(components);
        labels = Map.copyOf(labels);
        if (group != null && group.isBlank()) {
            group = null;
        }
        groupName = group == null ? null : groupName == null || groupName.isBlank() ? group : groupName;
    }

    /** An external sender's report: no criteria, incidents left for a human to resolve unless the integration says. */
    public Signal(String dedupKey, SignalAction action, String title, String summary, @Nullable Severity severity,
            @Nullable IncidentType type, List<String> components, Map<String, String> labels,
            @Nullable Instant startedAt, String source, @Nullable String group, @Nullable String groupName) {
        this(dedupKey, action, title, summary, severity, type, List.of(), components, labels, startedAt, source, group,
                groupName, false);
    }
}
