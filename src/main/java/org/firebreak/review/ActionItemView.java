package org.firebreak.review;

import java.time.Instant;
import java.time.LocalDate;

import org.firebreak.incident.IncidentId;
import org.jspecify.annotations.Nullable;

/**
 * An improvement task from a review.
 *
 * @param dueOn the day it is due by (UTC); {@code overdue} once that day has passed with the item still open
 * @param daysOverdue whole days past {@code dueOn}, 0 when not overdue
 */
public record ActionItemView(long id, IncidentId incident, String title, String owner, LocalDate dueOn,
        ActionPriority priority, ActionItemStatus status, boolean overdue, long daysOverdue, String createdBy,
        Instant createdAt, Instant updatedAt, @Nullable Instant completedAt, @Nullable Instant lastRemindedAt) {
}
