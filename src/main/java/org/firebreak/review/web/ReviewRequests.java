package org.firebreak.review.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of the review API that are not commands of the module itself. */
final class ReviewRequests {

    private ReviewRequests() {
    }

    /** Why a reviewer sends a review back to its author. */
    record ReturnToDraft(@NotBlank @Size(max = 2000) String reason) {
    }
}
