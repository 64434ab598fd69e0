package org.firebreak.incident;

import java.util.Arrays;
import java.util.List;

import org.firebreak.shared.web.Actor;
import org.firebreak.shared.web.Role;
import org.firebreak.shared.web.RoleTooLow;

/**
 * What an on-call engineer does to a selection of incidents at once in an alert storm, and the role each needs: the
 * same as one incident's acknowledge (a responder, as in the console and the role table) and one incident's status
 * change (a commander).
 */
public enum BulkAction {
    ACKNOWLEDGE(IncidentStatus.ACKNOWLEDGED, Role.RESPONDER, "acknowledging"),
    RESOLVE(IncidentStatus.RESOLVED, Role.COMMANDER, "resolving");

    private final IncidentStatus target;
    private final Role role;
    private final String doing;

    BulkAction(IncidentStatus target, Role role, String doing) {
        this.target = target;
        this.role = role;
        this.doing = doing;
    }

    public IncidentStatus target() {
        return target;
    }

    public Role role() {
        return role;
    }

    /**
     * Whether an incident in this status needs nothing from the action: acknowledged once past TRIGGERED, resolved
     * once RESOLVED. Any other status is put to the status machine, which may refuse it (a CLOSED one is final).
     */
    boolean reached(IncidentStatus status) {
        return this == ACKNOWLEDGE ? status != IncidentStatus.TRIGGERED : status == target;
    }

    /** Refuses ({@link RoleTooLow}, 403) an actor whose role does not include {@link #role()}. */
    public void permit(Actor actor) {
        if (!actor.role().includes(role)) {
            throw new RoleTooLow(actor, role, doing + " a selection of incidents");
        }
    }

    /** The actions this actor may take, for the console to offer only those. */
    public static List<BulkAction> allowedTo(Actor actor) {
        return Arrays.stream(values()).filter(action -> actor.role().includes(action.role)).toList();
    }
}
