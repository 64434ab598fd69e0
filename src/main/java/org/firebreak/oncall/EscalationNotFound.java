package org.firebreak.oncall;

import org.firebreak.incident.IncidentId;

/** The incident has no escalation (yet) (HTTP 404). */
public class EscalationNotFound extends RuntimeException {

    EscalationNotFound(IncidentId id) {
        super(id + " has no escalation yet: it starts within a moment of the incident opening");
    }
}
