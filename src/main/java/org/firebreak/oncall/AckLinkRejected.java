package org.firebreak.oncall;

import org.springframework.http.HttpStatus;

/**
 * An acknowledge link that does not acknowledge: malformed, forged, expired, for a page never sent, used, or nothing
 * left to acknowledge.
 */
public class AckLinkRejected extends RuntimeException {

    /** Why, with the HTTP status it answers. */
    public enum Reason {
        MALFORMED(HttpStatus.BAD_REQUEST, "Malformed acknowledge link"),
        FORGED(HttpStatus.FORBIDDEN, "Acknowledge link not signed by this server"),
        EXPIRED(HttpStatus.FORBIDDEN, "Acknowledge link expired"),
        NOT_SENT(HttpStatus.FORBIDDEN, "No page was sent with this acknowledge link"),
        USED(HttpStatus.GONE, "Acknowledge link already used"),
        NOTHING_TO_ACKNOWLEDGE(HttpStatus.CONFLICT, "Nothing to acknowledge");

        public final HttpStatus status;
        public final String title;

        Reason(HttpStatus status, String title) {
            this.status = status;
            this.title = title;
        }
    }

    private final Reason reason;

    AckLinkRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
