package org.firebreak.detection;

import java.time.Instant;
import java.util.Map;

import org.firebreak.incident.IncidentId;
import org.jspecify.annotations.Nullable;

/**
 * An alert as the API shows it: the deduplicated state of one key of one integration.
 *
 * @param group the group whose open incident it shares, if any
 * @param silence the silence that held it back from opening an incident (status SUPPRESSED)
 */
public record AlertView(String integration, String dedupKey, AlertStatus status, String title,
        @Nullable IncidentId incident, long count, Instant firstSeenAt, Instant lastSeenAt,
        @Nullable Instant resolvedAt, Map<String, String> labels, @Nullable String group, boolean resolvesIncident,
        @Nullable Long silence) {

    AlertView with(AlertStatus status, @Nullable IncidentId incident, long count, Instant lastSeen,
            @Nullable Instant resolvedAt, Map<String, String> labels, @Nullable Long silence) {
        return new AlertView(integration, dedupKey, status, title, incident, count, firstSeenAt, lastSeen, resolvedAt,
                labels, group, resolvesIncident, silence);
    }
}
