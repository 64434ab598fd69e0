package org.firebreak.review;

import java.util.stream.Collectors;

import org.firebreak.incident.IncidentId;
import org.firebreak.shared.Conflict;

/** A review change that its state does not allow (HTTP 409); the message says what is allowed. */
public class ReviewConflict extends Conflict {

    ReviewConflict(String message) {
        super("Not allowed in the review's current state", message);
    }

    static ReviewConflict illegalMove(IncidentId id, ReviewStatus from, ReviewStatus to) {
        String allowed = from.allowedNext().isEmpty() ? "none (" + from + " is final)"
                : from.allowedNext().stream().map(Enum::name).collect(Collectors.joining(", "));
        return new ReviewConflict("the review of " + id + " cannot move from " + from + " to " + to + "; allowed from "
                + from + ": " + allowed);
    }

    static ReviewConflict notDraft(IncidentId id, ReviewStatus status) {
        return new ReviewConflict("the review of " + id + " is " + status + "; only a DRAFT takes edits"
                + (status == ReviewStatus.IN_REVIEW ? " (return it to DRAFT first)" : ""));
    }
}
