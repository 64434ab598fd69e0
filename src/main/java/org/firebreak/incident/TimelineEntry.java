package org.firebreak.incident;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One line of an incident's append-only timeline: who did what when, with before and after. */
public record TimelineEntry(
        int seq,
        Instant at,
        String actor,
        TimelineKind kind,
        @Nullable String field,
        @Nullable String before,
        @Nullable String after,
        String text) {
}
