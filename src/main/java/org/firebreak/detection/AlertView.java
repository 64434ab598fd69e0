package org.firebreak.detection;

import java.time.Instant;
import java.util.Map;

import org.firebreak.incident.IncidentId;
import org.jspecify.annotations.Nullable;

/**
 * An alert as the API shows it: the deduplicated state of one key of one integration.
 *
 * @param group the name of the group whose incident it shares, if it came in a group
 * @param silence the silence that held it back from opening an incident (status SUPPRESSED)
 * @param groupId the alert group (see {@link AlertGroupView}) it was routed with; null until it was routed
 */
public record AlertView(String integration, String dedupKey, AlertStatus status, String title,
        @Nullable IncidentId incident, long count, Instant firstSeenAt, Instant lastSeenAt,
        @Nullable Instant resolvedAt, Map<String, String> labels, @Nullable String group, boolean resolvesIncident,
        @Nullable Long silence, @Nullable Long groupId) {

    AlertView with(AlertStatus status, @Nullable IncidentId incident, long count, Instant lastSeen,
            @Nullable Instant resolvedAt, Map<String, String> labels, @Nullable Long silence) {
        return new AlertView(integration, dedupKey, status, title, incident, count, firstSeenAt, lastSeen, resolvedAt,
                labels, group, resolvesIncident, silence, groupId);
    }

    AlertView inGroup(long id, IncidentId incident) {
        return new AlertView(integration, dedupKey, AlertStatus.FIRING, title, incident, count, firstSeenAt, lastSeenAt,
                null, labels, group, resolvesIncident, null, id);
    }
}
