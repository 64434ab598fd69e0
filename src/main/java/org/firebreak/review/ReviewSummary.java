package org.firebreak.review;

import java.time.Instant;

import org.firebreak.incident.IncidentId;

/** One row of the review list: whose review, where it stands, when it last changed. */
public record ReviewSummary(IncidentId incident, ReviewStatus status, String author, Instant startedAt,
        Instant updatedAt) {
}
