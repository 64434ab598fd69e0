package org.firebreak.oncall;

import org.firebreak.incident.IncidentId;
import org.firebreak.shared.NotFound;

/** The incident has no escalation (yet) (HTTP 404). */
public class EscalationNotFound extends NotFound {

    EscalationNotFound(IncidentId id) {
        super("No escalation", id + " has no escalation yet: it starts within a moment of the incident opening");
    }
}
