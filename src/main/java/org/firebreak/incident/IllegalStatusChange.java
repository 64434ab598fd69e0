package org.firebreak.incident;

import java.util.stream.Collectors;

/** A status move the transition table does not allow; the message names the moves that are allowed. */
public class IllegalStatusChange extends IncidentConflict {

    private IllegalStatusChange(String message) {
        super(message);
    }

    static IllegalStatusChange of(IncidentId id, IncidentStatus from, IncidentStatus to) {
        String allowed = from.allowedNext().isEmpty() ? "none (" + from + " is final)"
                : from.allowedNext().stream().map(Enum::name).collect(Collectors.joining(", "));
        return new IllegalStatusChange(id + " cannot move from " + from + " to " + to + "; allowed from " + from
                + ": " + allowed);
    }
}
