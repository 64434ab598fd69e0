package org.firebreak.incident;

import java.time.Instant;

import org.firebreak.shared.IncidentType;
import org.firebreak.shared.Severity;
import org.jspecify.annotations.Nullable;

/** One row of the incident list. */
public record IncidentSummary(
        IncidentId id,
        String title,
        Severity severity,
        IncidentType type,
        IncidentStatus status,
        @Nullable String commander,
        Instant detectedAt,
        @Nullable Instant resolvedAt) {
}
