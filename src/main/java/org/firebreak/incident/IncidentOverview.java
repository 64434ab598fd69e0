package org.firebreak.incident;

import java.time.Instant;
import java.util.List;

import org.firebreak.shared.Severity;
import org.jspecify.annotations.Nullable;

/**
 * What a page showing many incidents at once needs of each (the status page): title, severity, status, affected
 * components and the instants of its phases, without the checklist. Read in bulk by
 * {@link IncidentApi#openOrDetectedSince(Instant)}.
 */
public record IncidentOverview(
        IncidentId id,
        String title,
        Severity severity,
        IncidentStatus status,
        List<String> components,
        Instant detectedAt,
        Instant openedAt,
        @Nullable Instant acknowledgedAt,
        @Nullable Instant mitigatedAt,
        @Nullable Instant resolvedAt,
        @Nullable Instant closedAt) {
}
