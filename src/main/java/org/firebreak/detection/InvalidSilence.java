package org.firebreak.detection;

import org.firebreak.shared.InvalidInput;

/** A silence that cannot be created as asked; names the field at fault. Nothing is written. */
public class InvalidSilence extends InvalidInput {

    public InvalidSilence(String field, String message) {
        super(field, message);
    }
}
