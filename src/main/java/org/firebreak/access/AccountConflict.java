package org.firebreak.access;

/** The operation contradicts the store's state: the name is taken, or it would leave no enabled admin. */
public class AccountConflict extends RuntimeException {

    public AccountConflict(String message) {
        super(message);
    }
}
