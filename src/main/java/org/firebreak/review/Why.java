package org.firebreak.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One link of the "five whys" chain: the question and the answer that the next link asks about. */
public record Why(@NotBlank @Size(max = 1000) String why, @NotBlank @Size(max = 2000) String because) {
}
