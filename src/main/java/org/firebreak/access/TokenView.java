package org.firebreak.access;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** An API token's record: who owns it, its name, the first characters of its value (to tell tokens apart), its life. */
public record TokenView(long id, String username, String name, String prefix, Instant createdAt, String createdBy,
        @Nullable Instant expiresAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

    public boolean active(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
