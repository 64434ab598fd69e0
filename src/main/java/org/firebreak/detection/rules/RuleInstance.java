package org.firebreak.detection.rules;

import java.time.Instant;

/**
 * Where one rule's condition stands for one subject.
 *
 * @param since when it entered this state
 * @param marker for event rules, the position of the newest matching event seen (a repeat bumps the alert)
 */
record RuleInstance(String rule, String subject, State state, Instant since, String summary, long marker) {

    enum State {
        /** True, waiting out the rule's "for". */
        PENDING,
        /** The alert fires. */
        FIRING,
        /** False, waiting out "keepFiringFor" before the alert resolves; true again means it simply keeps firing. */
        CLEARING
    }

    RuleInstance to(State next, Instant at) {
        return new RuleInstance(rule, subject, next, at, summary, marker);
    }

    RuleInstance seen(String latestSummary, long latestMarker) {
        return new RuleInstance(rule, subject, state, since, latestSummary, latestMarker);
    }
}
