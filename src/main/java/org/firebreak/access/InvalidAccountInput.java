package org.firebreak.access;

import org.firebreak.shared.InvalidInput;

/** Input an account or token operation refuses, naming the field at fault; nothing was changed. */
public class InvalidAccountInput extends InvalidInput {

    public InvalidAccountInput(String field, String message) {
        super(field, message);
    }
}
