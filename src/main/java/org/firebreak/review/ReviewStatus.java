package org.firebreak.review;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a review stands: written in DRAFT (the only state that takes edits), read in IN_REVIEW (published, or
 * returned to DRAFT with a reason), final once PUBLISHED. Stored by name.
 */
public enum ReviewStatus {
    DRAFT, IN_REVIEW, PUBLISHED;

    public Set<ReviewStatus> allowedNext() {
        return switch (this) {
            case DRAFT -> EnumSet.of(IN_REVIEW);
            case IN_REVIEW -> EnumSet.of(DRAFT, PUBLISHED);
            case PUBLISHED -> EnumSet.noneOf(ReviewStatus.class);
        };
    }

    public boolean canMoveTo(ReviewStatus next) {
        return allowedNext().contains(next);
    }
}
