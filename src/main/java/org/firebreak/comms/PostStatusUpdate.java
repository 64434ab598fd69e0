package org.firebreak.comms;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * A status update to post.
 *
 * @param visibility {@code internal} (the default) or {@code public}: public updates are what the status page shows
 */
public record PostStatusUpdate(@NotBlank @Size(max = 4000) String text, @NotNull UpdateStatus status,
        @Nullable Visibility visibility) {

    public Visibility visibilityOrDefault() {
        return visibility == null ? Visibility.INTERNAL : visibility;
    }
}
