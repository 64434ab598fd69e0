package org.firebreak.oncall;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/** Someone covers a schedule from {@code from} until {@code until} (an override, stored). */
public record NewOverride(@NotBlank @Size(max = 64) String person, @NotNull Instant from, @NotNull Instant until,
        @Size(max = 500) @Nullable String reason) {
}
