package org.firebreak.detection.rules;

/**
 * A rule's condition found true for one subject at one evaluation.
 *
 * @param subject what it is about ("" for the rule as a whole)
 * @param summary one line for the alert and the timeline
 * @param marker for event rules, the position of the newest matching event; 0 otherwise
 */
record Observation(String subject, String summary, long marker) {
}
