package org.firebreak.review;

import java.util.List;

/** One page of the review list, most recently changed first, with the total that matched. */
public record ReviewList(List<ReviewSummary> items, long total, int page, int size) {
}
