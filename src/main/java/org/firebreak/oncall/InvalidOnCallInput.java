package org.firebreak.oncall;

/** A malformed on-call or escalation request (HTTP 400 naming the field). */
public class InvalidOnCallInput extends RuntimeException {

    private final String field;

    public InvalidOnCallInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
