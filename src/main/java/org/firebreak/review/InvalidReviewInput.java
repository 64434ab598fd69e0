package org.firebreak.review;

/** Input that names a field at fault (HTTP 400). */
public class InvalidReviewInput extends RuntimeException {

    private final String field;

    public InvalidReviewInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
