package org.firebreak.incident;

import org.firebreak.shared.Conflict;

/** A request that is well-formed but conflicts with the incident's current state (HTTP 409). */
public class IncidentConflict extends Conflict {

    IncidentConflict(String message) {
        super("Not allowed in the incident's current state", message);
    }
}
