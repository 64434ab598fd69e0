package org.firebreak.access.web;

import org.firebreak.shared.web.Role;
import org.jspecify.annotations.Nullable;

/** Request bodies of the account API. */
final class AccountRequests {

    private AccountRequests() {
    }

    /** {@code signsIn} false: an integration's account, used through tokens only (no password is generated). */
    record NewAccount(String username, @Nullable String displayName, Role role, @Nullable String password,
            @Nullable Boolean signsIn) {
    }

    record AccountChange(@Nullable Role role, @Nullable Boolean enabled, @Nullable String password,
            @Nullable String displayName) {
    }

    record NewToken(String name, @Nullable Integer expiresInDays) {
    }

    record PasswordChange(@Nullable String currentPassword, @Nullable String newPassword) {
    }
}
