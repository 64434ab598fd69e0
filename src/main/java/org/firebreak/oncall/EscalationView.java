package org.firebreak.oncall;

import java.time.Instant;
import java.util.List;

import org.firebreak.incident.IncidentId;
import org.firebreak.shared.Severity;
import org.jspecify.annotations.Nullable;

/**
 * An incident's escalation as the API shows it.
 *
 * @param policy the policy as it was when the escalation started (its snapshot)
 * @param level the last level paged in the current round (0: none yet)
 * @param next the pending timer, if any
 * @param pages every page sent, oldest first
 */
public record EscalationView(IncidentId incident, EscalationPolicy policy, Severity severity, EscalationState state,
        int attempt, int level, @Nullable Instant levelPagedAt, @Nullable Next next, @Nullable String stoppedReason,
        Instant startedAt, List<Page> pages) {

    /** What the pending timer does when it fires: page {@code level} of round {@code attempt}, or run out of levels. */
    public record Next(int level, int attempt, Instant at, String what) {
    }

    /** One page: a person at a level, and why. */
    public record Page(int level, int attempt, String person, Instant at, String reason, String by, String key) {
    }
}
