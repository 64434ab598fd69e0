package org.firebreak.shared;

/**
 * Something a request names does not exist: answered 404 with the module's {@link #title()} and the message, which
 * says what was looked for and, where it helps, what exists. Modules extend it; {@code shared.web.ApiProblemHandler}
 * answers it once for all of them.
 */
public abstract class NotFound extends RuntimeException {

    private final String title;

    protected NotFound(String title, String message) {
        super(message);
        this.title = title;
    }

    /** The problem's title, e.g. "Incident not found". */
    public String title() {
        return title;
    }
}
