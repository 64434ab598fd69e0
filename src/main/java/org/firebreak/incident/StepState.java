package org.firebreak.incident;

/** A checklist step is pending until it is done or skipped (with a reason). */
public enum StepState {
    PENDING, DONE, SKIPPED
}
