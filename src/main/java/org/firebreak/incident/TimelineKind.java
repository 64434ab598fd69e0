package org.firebreak.incident;

/** What a timeline entry records. Stored by name; new kinds go at the end. */
public enum TimelineKind {
    OPENED, CLASSIFIED, SEVERITY_MISMATCH, STATUS_CHANGED, SEVERITY_CHANGED, CHECKLIST_REPLANNED,
    COMMANDER_CHANGED, RESPONDER_ADDED, RESPONDER_REMOVED, COMPONENT_ADDED, COMPONENT_REMOVED,
    STEP_DONE, STEP_SKIPPED, STEP_RAN, ACTION_RAN, ACTION_REFUSED, NOTE,
    /** Paging: a level paged, an escalation (by timeout or by hand), paging stopped. */
    ESCALATION,
    /** A message requested, and each delivery attempt with its outcome. */
    NOTIFICATION,
    /** A status update posted for stakeholders or the status page. */
    STATUS_UPDATE,
    /** The title changed (a grouped incident's count of alerts grew). */
    TITLE_CHANGED;

    /** The kinds other modules record through {@link IncidentApi#record}; the rest only the aggregate writes. */
    public boolean recordedByOthers() {
        return this == NOTE || this == ESCALATION || this == NOTIFICATION || this == STATUS_UPDATE;
    }
}
