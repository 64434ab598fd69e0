package org.firebreak.oncall;

/** An escalation request the incident's escalation cannot follow (HTTP 409), e.g. no level left. */
public class EscalationConflict extends RuntimeException {

    EscalationConflict(String message) {
        super(message);
    }
}
