package org.firebreak.access;

import java.time.Instant;

import org.firebreak.shared.web.Role;

/** A console account as the API and the admin page show it: never its password. */
public record AccountView(String username, String displayName, Role role, boolean enabled, boolean signsIn,
        Instant createdAt, String createdBy, Instant updatedAt) {
}
