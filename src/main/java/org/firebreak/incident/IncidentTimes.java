package org.firebreak.incident;

import java.time.Instant;

import org.firebreak.shared.IncidentType;
import org.firebreak.shared.Severity;
import org.jspecify.annotations.Nullable;

/** An incident's classification and the instants of its phases, for response analytics. */
public record IncidentTimes(
        IncidentId id,
        Severity severity,
        IncidentType type,
        IncidentStatus status,
        Instant detectedAt,
        @Nullable Instant acknowledgedAt,
        @Nullable Instant mitigatedAt,
        @Nullable Instant resolvedAt,
        @Nullable Instant closedAt) {
}
