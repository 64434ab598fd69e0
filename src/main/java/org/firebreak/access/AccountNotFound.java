package org.firebreak.access;

import org.firebreak.shared.NotFound;

public class AccountNotFound extends NotFound {

    public AccountNotFound(String what) {
        super("Not found", what);
    }
}
