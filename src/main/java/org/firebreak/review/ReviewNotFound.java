package org.firebreak.review;

import org.firebreak.incident.IncidentId;
import org.firebreak.shared.NotFound;

/** The incident has no review yet (HTTP 404). */
public class ReviewNotFound extends NotFound {

    ReviewNotFound(IncidentId id) {
        super("Review not found", id + " has no review yet; start one with POST /api/v1/incidents/" + id + "/review");
    }
}
