package org.firebreak.incident;

/** No incident has this id. */
public class IncidentNotFound extends RuntimeException {

    IncidentNotFound(IncidentId id) {
        super("There is no incident " + id);
    }
}
