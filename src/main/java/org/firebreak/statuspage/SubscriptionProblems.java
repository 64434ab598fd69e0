package org.firebreak.statuspage;

import org.firebreak.shared.Conflict;
import org.firebreak.shared.InvalidInput;
import org.firebreak.shared.NotFound;

/** The refusals of the subscription endpoints, answered as problems by {@code shared.web.ApiProblemHandler}. */
final class SubscriptionProblems {

    private SubscriptionProblems() {
    }

    /** A subscription request field that cannot be taken (400, naming the field). */
    static final class InvalidSubscription extends InvalidInput {
        InvalidSubscription(String field, String message) {
            super(field, message);
        }
    }

    /** A confirmation or unsubscribe link that is unknown, used up or expired (404). */
    static final class UnknownLink extends NotFound {
        UnknownLink(String message) {
            super("Link not valid", message);
        }
    }

    /** A webhook URL already subscribed (409): its secret stays its owner's. */
    static final class AlreadySubscribed extends Conflict {
        AlreadySubscribed(String message) {
            super("Already subscribed", message);
        }
    }
}
