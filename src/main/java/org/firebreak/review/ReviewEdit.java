package org.firebreak.review;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * Changes to a draft review: every field is optional, an absent one stays as it is, a list given replaces the list.
 *
 * @param impactNotes the author's words on impact beyond what is computed (users told, funds at risk, SLAs)
 */
public record ReviewEdit(
        @Size(max = 8000) @Nullable String summary,
        @Size(max = 30) @Nullable List<@NotBlank @Size(max = 2000) String> contributingFactors,
        @Size(max = 10) @Nullable List<@Valid Why> fiveWhys,
        @Size(max = 8000) @Nullable String impactNotes,
        @Size(max = 30) @Nullable List<@NotBlank @Size(max = 2000) String> wentWell,
        @Size(max = 30) @Nullable List<@NotBlank @Size(max = 2000) String> wentBadly,
        @Size(max = 30) @Nullable List<@NotBlank @Size(max = 2000) String> lucky) {
}
