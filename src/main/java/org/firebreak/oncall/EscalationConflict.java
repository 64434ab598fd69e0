package org.firebreak.oncall;

import org.firebreak.shared.Conflict;

/** An escalation request the incident's escalation cannot follow (HTTP 409), e.g. no level left. */
public class EscalationConflict extends Conflict {

    EscalationConflict(String message) {
        super("Not possible in the escalation's current state", message);
    }
}
