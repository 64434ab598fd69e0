package org.firebreak.review;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A playbook in force whose review-by date has passed, with its owner and when they were last reminded. */
public record OverduePlaybook(String id, int version, String title, String owner, LocalDate reviewBy,
        long daysOverdue, @Nullable Instant lastRemindedAt) {
}
