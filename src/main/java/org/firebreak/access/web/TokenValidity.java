package org.firebreak.access.web;

import java.time.Duration;

import org.firebreak.access.InvalidAccountInput;
import org.jspecify.annotations.Nullable;

/** How long a token asked for lasts: 1 to 3650 days, or null for until revoked. One rule for the API and the pages. */
final class TokenValidity {

    private TokenValidity() {
    }

    static @Nullable Duration ofDays(@Nullable Integer days) {
        if (days == null) {
            return null;
        }
        if (days < 1 || days > 3650) {
            throw new InvalidAccountInput("expiresInDays", "must be 1 to 3650 days, or left out for a token that lasts until revoked");
        }
        return Duration.ofDays(days);
    }
}
