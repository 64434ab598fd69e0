package org.firebreak.review;

import java.util.List;

/** One page of action items across incidents, most urgent first, with the total that matched. */
public record ActionItemPage(List<ActionItemView> items, long total, int page, int size) {
}
