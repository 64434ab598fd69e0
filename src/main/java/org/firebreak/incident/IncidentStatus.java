package org.firebreak.incident;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an incident stands. The transition table lives here and nowhere else: forward skips are allowed
 * (acknowledge-and-investigate, resolve a false alarm), a mitigation that does not hold goes back to
 * INVESTIGATING, a resolved incident can be reopened, a closed one is final.
 */
public enum IncidentStatus {
    TRIGGERED, ACKNOWLEDGED, INVESTIGATING, MITIGATED, RESOLVED, CLOSED;

    public Set<IncidentStatus> allowedNext() {
        return switch (this) {
            case TRIGGERED -> EnumSet.of(ACKNOWLEDGED, INVESTIGATING, MITIGATED, RESOLVED);
            case ACKNOWLEDGED -> EnumSet.of(INVESTIGATING, MITIGATED, RESOLVED);
            case INVESTIGATING -> EnumSet.of(MITIGATED, RESOLVED);
            case MITIGATED -> EnumSet.of(INVESTIGATING, RESOLVED);
            case RESOLVED -> EnumSet.of(INVESTIGATING, CLOSED);
            case CLOSED -> EnumSet.noneOf(IncidentStatus.class);
        };
    }

    public boolean canMoveTo(IncidentStatus next) {
        return allowedNext().contains(next);
    }

    /** Still needs people: not yet resolved or closed. */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }
}
