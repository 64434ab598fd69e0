package org.firebreak.shared.web;

/**
 * What a signed-in person or API token may do, each role including the ones before it: viewers read, responders
 * work steps and notes, commanders change severity and status and run actions, admins configure.
 */
public enum Role {
    VIEWER, RESPONDER, COMMANDER, ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** The highest role among Spring Security authorities ({@code ROLE_<NAME>}), if any. */
    public static java.util.Optional<Role> highestOf(java.util.Collection<String> authorities) {
        return java.util.Arrays.stream(values()).filter(role -> authorities.contains(role.authority()))
                .reduce((lower, higher) -> higher);
    }

    /** The Spring Security authority of this role, {@code ROLE_<NAME>}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
