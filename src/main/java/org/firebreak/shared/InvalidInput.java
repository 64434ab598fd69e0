package org.firebreak.shared;

/**
 * Input refused before anything was changed, naming the field at fault: answered 400 with the field in the problem's
 * {@code errors}. Modules extend it; {@code shared.web.ApiProblemHandler} answers it.
 */
public abstract class InvalidInput extends RuntimeException {

    private final String field;

    protected InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field at fault, as the request spells it (a JSON path, a parameter or header name). */
    public String field() {
        return field;
    }
}
