package org.firebreak.incident;

/** A request that is well-formed but conflicts with the incident's current state (HTTP 409). */
public class IncidentConflict extends RuntimeException {

    IncidentConflict(String message) {
        super(message);
    }
}
