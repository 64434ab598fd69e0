package org.firebreak.playbook;

/** The plan's two kinds of playbook. */
public enum PlaybookKind {
    /** What to do for every incident of a severity (the plan's "Response Procedures"). */
    RESPONSE_PROCEDURE,
    /** What to check for one kind of trouble (the plan's "Common Incidents"). */
    COMMON_INCIDENT
}
