package org.firebreak.incident;

import java.util.Optional;

/**
 * Who may run an action (a step that changes the world) on an incident: its commander, once one is assigned.
 * Admins join when sign-in lands. A refusal names the reason and is recorded on the timeline.
 */
final class ActionPolicy {

    private ActionPolicy() {
    }

    /** Empty when allowed; otherwise why not. */
    static Optional<String> refusal(Incident incident, String actor) {
        if (incident.status == IncidentStatus.CLOSED) {
            return Optional.of(incident.id + " is CLOSED");
        }
        if (incident.commander == null) {
            return Optional.of("assign an incident commander first: only the commander may run actions");
        }
        if (!incident.commander.equals(actor)) {
            return Optional.of("only the incident commander (" + incident.commander + ") may run actions, not " + actor);
        }
        return Optional.empty();
    }
}
