package org.firebreak.incident;

import org.firebreak.shared.InvalidInput;

/** Input that names something Firebreak does not know (a criterion, a type); carries the field at fault. */
public class InvalidIncidentInput extends InvalidInput {

    public InvalidIncidentInput(String field, String message) {
        super(field, message);
    }
}
