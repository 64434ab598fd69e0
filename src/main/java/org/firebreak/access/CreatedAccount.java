package org.firebreak.access;

import org.jspecify.annotations.Nullable;

/** A new account; {@code generatedPassword} is set when Firebreak chose the password, shown this once. */
public record CreatedAccount(AccountView account, @Nullable String generatedPassword) {
}
