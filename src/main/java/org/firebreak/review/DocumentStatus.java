package org.firebreak.review;

import org.jspecify.annotations.Nullable;

/**
 * One document of the plan's documentation set (incident report, root cause analysis, action items, timeline) and
 * whether the review has it; {@code missing} says what to add.
 */
public record DocumentStatus(String document, boolean ready, @Nullable String missing) {
}
