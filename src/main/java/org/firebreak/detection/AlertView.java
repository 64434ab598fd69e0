package org.firebreak.detection;

import java.time.Instant;
import java.util.Map;

import org.firebreak.incident.IncidentId;
import org.jspecify.annotations.Nullable;

/** An alert as the API shows it: the deduplicated state of one key of one integration. */
public record AlertView(String integration, String dedupKey, AlertStatus status, String title,
        @Nullable IncidentId incident, long count, Instant firstSeenAt, Instant lastSeenAt,
        @Nullable Instant resolvedAt, Map<String, String> labels) {
}
