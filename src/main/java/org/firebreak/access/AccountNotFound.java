package org.firebreak.access;

public class AccountNotFound extends RuntimeException {

    public AccountNotFound(String what) {
        super(what);
    }
}
