package org.firebreak.incident;

/** Input that names something Firebreak does not know (a criterion, a type); carries the field at fault. */
public class InvalidIncidentInput extends RuntimeException {

    private final String field;

    public InvalidIncidentInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
