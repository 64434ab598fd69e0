package org.firebreak.review;

import java.util.EnumSet;
import java.util.Set;

/** Where an action item stands. DONE and CANCELLED can be reopened; stored by name. */
public enum ActionItemStatus {
    OPEN, IN_PROGRESS, DONE, CANCELLED;

    public Set<ActionItemStatus> allowedNext() {
        return switch (this) {
            case OPEN -> EnumSet.of(IN_PROGRESS, DONE, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(OPEN, DONE, CANCELLED);
            case DONE, CANCELLED -> EnumSet.of(OPEN);
        };
    }

    /** Still work to do: counts towards overdue and reminders. */
    public boolean isOpen() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
