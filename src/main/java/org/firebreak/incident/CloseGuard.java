package org.firebreak.incident;

import java.util.Optional;

/**
 * A rule another module holds over closing incidents (the review module: Critical and High incidents close only
 * once their review is published). Consulted when an incident that may otherwise move to CLOSED is asked to; a
 * refusal is answered as a conflict naming the reason, and nothing is written.
 */
public interface CloseGuard {

    /** Why {@code incident} may not be CLOSED yet, or empty when this guard lets it close. */
    Optional<String> refusal(IncidentView incident);
}
