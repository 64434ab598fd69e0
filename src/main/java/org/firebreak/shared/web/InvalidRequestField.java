package org.firebreak.shared.web;

/** A request field or header that is malformed; answered with 400 naming the field. */
public class InvalidRequestField extends RuntimeException {

    private final String field;

    public InvalidRequestField(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
