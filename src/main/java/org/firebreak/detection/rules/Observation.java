package org.firebreak.detection.rules;

import org.jspecify.annotations.Nullable;

/**
 * A rule's condition found true for one subject at one evaluation.
 *
 * @param subject what it is about ("" for the rule as a whole)
 * @param summary one line for the alert and the timeline
 * @param marker for event rules, the position of the newest matching event; 0 otherwise
 * @param title the rule's title with the newest event's values in its {@code {placeholders}}; null: the rule's title
 *        and the subject
 * @param group the rule's group with the newest event's values in its placeholders; null: the rule's group as written
 */
record Observation(String subject, String summary, long marker, @Nullable String title, @Nullable String group) {

    Observation(String subject, String summary, long marker) {
        this(subject, summary, marker, null, null);
    }
}
