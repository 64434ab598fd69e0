package org.firebreak.access;

import org.firebreak.shared.Conflict;

/** The operation contradicts the store's state: the name is taken, or it would leave no enabled admin. */
public class AccountConflict extends Conflict {

    public AccountConflict(String message) {
        super("Conflict", message);
    }
}
