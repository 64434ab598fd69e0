package org.firebreak.access;

/** Input an account or token operation refuses, naming the field at fault; nothing was changed. */
public class InvalidAccountInput extends RuntimeException {

    private final String field;

    public InvalidAccountInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
