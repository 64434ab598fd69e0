package org.firebreak.shared;

/**
 * A well-formed request that the current state does not allow: answered 409 with the module's {@link #title()}; the
 * message says what is allowed instead. Modules extend it; {@code shared.web.ApiProblemHandler} answers it.
 */
public abstract class Conflict extends RuntimeException {

    private final String title;

    protected Conflict(String title, String message) {
        super(message);
        this.title = title;
    }

    /** The problem's title, e.g. "Not allowed in the incident's current state". */
    public String title() {
        return title;
    }
}
