package org.firebreak.incident;

import org.firebreak.shared.NotFound;

/** No incident has this id. */
public class IncidentNotFound extends NotFound {

    IncidentNotFound(IncidentId id) {
        super("Incident not found", "There is no incident " + id);
    }
}
