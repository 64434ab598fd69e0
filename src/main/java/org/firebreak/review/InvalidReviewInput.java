package org.firebreak.review;

import org.firebreak.shared.InvalidInput;

/** Input that names a field at fault (HTTP 400). */
public class InvalidReviewInput extends InvalidInput {

    public InvalidReviewInput(String field, String message) {
        super(field, message);
    }
}
