package org.firebreak.review;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.firebreak.incident.IncidentView;
import org.jspecify.annotations.Nullable;

/**
 * A post-incident review as the API, the review page and the exports show it.
 *
 * @param incident the incident with its checklist and the findings of its steps
 * @param impact computed on each read until the review is published; frozen as it stood at publication after that
 * @param timeline the incident's timeline as recorded, with the author's key marks and context
 * @param documentation the plan's documentation set and what each document still lacks; a review goes to IN_REVIEW
 *        only with all four ready
 * @param returnedReason why a reviewer last sent it back to DRAFT, if one did
 */
public record ReviewView(
        IncidentView incident,
        ReviewStatus status,
        Set<ReviewStatus> allowedNextStatuses,
        String author,
        Instant startedAt,
        Instant updatedAt,
        @Nullable Instant submittedAt,
        @Nullable String submittedBy,
        @Nullable String returnedReason,
        @Nullable Instant publishedAt,
        @Nullable String publishedBy,
        RootCause rootCause,
        String impactNotes,
        ImpactAssessment impact,
        Lessons lessons,
        List<ReviewTimelineEntry> timeline,
        List<ActionItemView> actionItems,
        List<DocumentStatus> documentation) {
}
