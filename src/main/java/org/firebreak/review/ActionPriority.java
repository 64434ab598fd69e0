package org.firebreak.review;

/** How soon an action item matters, most urgent first. Stored by name. */
public enum ActionPriority {
    HIGH, MEDIUM, LOW
}
