package org.firebreak.review;

import java.time.Instant;

import org.firebreak.incident.TimelineKind;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the review's timeline: the incident's entry exactly as recorded ({@code seq} to {@code text}), with
 * the author's marks beside it.
 */
public record ReviewTimelineEntry(int seq, Instant at, String actor, TimelineKind kind, String text, boolean key,
        @Nullable String context) {
}
