package org.firebreak.detection;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * Creates a silence or a maintenance window. At least one matcher; the label is {@code name=value}.
 *
 * @param startsAt null means now
 */
public record NewSilence(
        @Nullable SilenceKind kind,
        @Size(max = 64) @Nullable String rule,
        @Size(max = 64) @Nullable String component,
        @Size(max = 320) @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_.-]{0,63}=.{1,255}", message = "must be name=value")
        @Nullable String label,
        @Nullable Instant startsAt,
        @NotNull Instant endsAt,
        @NotBlank @Size(max = 1000) String reason) {

    public SilenceKind kindOrDefault() {
        return kind == null ? SilenceKind.SILENCE : kind;
    }

    @Nullable String labelName() {
        return label == null ? null : label.substring(0, label.indexOf('='));
    }

    @Nullable String labelValue() {
        return label == null ? null : label.substring(label.indexOf('=') + 1);
    }
}
