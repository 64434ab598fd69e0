package org.firebreak.oncall;

import org.firebreak.shared.InvalidInput;

/** A malformed on-call or escalation request (HTTP 400 naming the field). */
public class InvalidOnCallInput extends InvalidInput {

    public InvalidOnCallInput(String field, String message) {
        super(field, message);
    }
}
