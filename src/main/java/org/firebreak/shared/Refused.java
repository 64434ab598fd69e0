package org.firebreak.shared;

/**
 * A request this person may not make, decided by the content rather than the endpoint table (the action or role is
 * in the body): answered 403 with the {@link #title()} and a message that says what it needed.
 */
public abstract class Refused extends RuntimeException {

    private final String title;

    protected Refused(String title, String message) {
        super(message);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
