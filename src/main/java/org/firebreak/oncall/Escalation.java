package org.firebreak.oncall;

import java.time.Instant;

import org.firebreak.incident.IncidentId;
import org.firebreak.shared.Severity;
import org.jspecify.annotations.Nullable;

/** One incident's escalation: its policy snapshot, the last level paged and the pending timer, if any. */
final class Escalation {

    final IncidentId incident;
    final EscalationPolicy policy;
    final Instant startedAt;
    Severity severity;
    EscalationState state;
    int attempt;
    /** The last level paged in this round; 0 before the first page. */
    int level;
    @Nullable Instant levelPagedAt;
    @Nullable EscalationStep next;
    @Nullable Instant nextAt;
    @Nullable String stoppedReason;

    Escalation(IncidentId incident, EscalationPolicy policy, Severity severity, EscalationState state, Instant startedAt) {
        this.incident = incident;
        this.policy = policy;
        this.severity = severity;
        this.state = state;
        this.startedAt = startedAt;
    }

    int levels() {
        return policy.levels().size();
    }

    boolean isNext(EscalationStep step) {
        return step.equals(next);
    }

    void stop(EscalationState stopped, String reason) {
        state = stopped;
        stoppedReason = org.firebreak.shared.StoredText.abbreviate(reason, 1000); // stopped_reason's width
        next = null;
        nextAt = null;
    }
}
