package org.firebreak.shared.web;

import org.firebreak.shared.InvalidInput;

/** A request field or header that is malformed; answered with 400 naming the field. */
public class InvalidRequestField extends InvalidInput {

    public InvalidRequestField(String field, String message) {
        super(field, message);
    }
}
