package org.firebreak.shared.web;

/**
 * Who is making a request, for the timeline and for what the console offers: the signed-in person, or the
 * owner of the API token, with their role. {@value #ANONYMOUS} (a viewer) on the public pages.
 */
public record Actor(String name, Role role) {

    public static final String ANONYMOUS = "anonymous";
    /** The name Firebreak itself writes on the timeline for what it does unasked (checks, pages, deliveries). */
    public static final String SYSTEM = "firebreak";

    public boolean canRespond() {
        return role.includes(Role.RESPONDER);
    }

    public boolean canCommand() {
        return role.includes(Role.COMMANDER);
    }

    public boolean canAdmin() {
        return role.includes(Role.ADMIN);
    }
}
