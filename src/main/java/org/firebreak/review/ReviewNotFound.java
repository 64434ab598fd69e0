package org.firebreak.review;

import org.firebreak.incident.IncidentId;

/** The incident has no review yet (HTTP 404). */
public class ReviewNotFound extends RuntimeException {

    ReviewNotFound(IncidentId id) {
        super(id + " has no review yet; start one with POST /api/v1/incidents/" + id + "/review");
    }
}
