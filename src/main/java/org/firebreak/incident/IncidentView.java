package org.firebreak.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.firebreak.shared.IncidentType;
import org.firebreak.shared.Severity;
import org.jspecify.annotations.Nullable;

/** An incident with its checklist, as the API, CLI and console show it. */
public record IncidentView(
        IncidentId id,
        String title,
        String summary,
        Severity severity,
        IncidentType type,
        IncidentStatus status,
        Set<IncidentStatus> allowedNextStatuses,
        @Nullable String commander,
        List<String> responders,
        List<String> components,
        List<String> criteria,
        Instant detectedAt,
        Instant openedAt,
        @Nullable Instant acknowledgedAt,
        @Nullable Instant mitigatedAt,
        @Nullable Instant resolvedAt,
        @Nullable Instant closedAt,
        @Nullable Duration timeToAcknowledge,
        @Nullable Duration timeToResolve,
        List<StepView> checklist) {
}
