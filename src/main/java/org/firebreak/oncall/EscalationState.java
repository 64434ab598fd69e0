package org.firebreak.oncall;

/** Where an incident's escalation stands. Stored by name. */
public enum EscalationState {
    /** Levels are paged one after another until someone acknowledges. */
    PAGING,
    /** Not paged (MEDIUM, LOW): the team notice waits for business hours. */
    NOTICE_PENDING,
    /** Not paged: the team was told. */
    NOTICE_SENT,
    /** Paging stopped: acknowledged, resolved, or the severity was lowered. */
    STOPPED,
    /** Paging stopped: every level (and every repeat) went unacknowledged. */
    EXHAUSTED
}
