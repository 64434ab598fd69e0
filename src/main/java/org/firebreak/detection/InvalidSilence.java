package org.firebreak.detection;

/** A silence that cannot be created as asked; names the field at fault. Nothing is written. */
public class InvalidSilence extends RuntimeException {

    private final String field;

    public InvalidSilence(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
