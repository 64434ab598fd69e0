package org.firebreak.review;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/** An action item to add to an incident's review; priority MEDIUM unless given. */
public record NewActionItem(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 100) String owner,
        @NotNull LocalDate dueOn, @Nullable ActionPriority priority) {
}
