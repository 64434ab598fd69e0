package org.firebreak.playbook;

/** Whether a person ticks the step or an executor runs it and attaches its result. */
public enum StepKind {
    MANUAL, AUTOMATED
}
