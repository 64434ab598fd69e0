package org.firebreak.review;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/** Changes to an action item; absent fields stay as they are. A status change follows {@link ActionItemStatus}. */
public record ActionItemChange(@Size(min = 1, max = 200) @Nullable String title,
        @Size(min = 1, max = 100) @Nullable String owner, @Nullable LocalDate dueOn, @Nullable ActionPriority priority,
        @Nullable ActionItemStatus status) {
}
