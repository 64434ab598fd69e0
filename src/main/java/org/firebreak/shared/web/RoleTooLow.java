package org.firebreak.shared.web;

import org.firebreak.shared.Refused;

/**
 * A request the endpoint table lets through but whose content asks for more than the person's role allows (the action
 * is in the body, where the table cannot look); answered 403 with the role it needed, as the table's refusals are.
 */
public class RoleTooLow extends Refused {

    public RoleTooLow(Actor actor, Role needed, String what) {
        super("Forbidden", actor.name() + " is a " + actor.role().name().toLowerCase(java.util.Locale.ROOT) + "; " + what
                + " needs the role " + needed.name().toLowerCase(java.util.Locale.ROOT) + " or higher");
    }
}
