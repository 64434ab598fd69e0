package org.firebreak.notify;

/** What a message is for; each kind has its own templates. Stored by name; new kinds go at the end. */
public enum MessageKind {
    /** An escalation level pages its target: carries the signed acknowledge link. */
    PAGE,
    /** The team is told (High and above, or a rule's notify: team). */
    TEAM_NOTICE,
    /** Stakeholders of the affected components are told (Critical at once). */
    STAKEHOLDER_NOTICE,
    /** A status update, to stakeholders and the status page's subscribers. */
    STATUS_UPDATE,
    /** The commander is reminded that a status update is due. */
    STATUS_UPDATE_REMINDER,
    /** The commander is asked to update the status page (High). */
    STATUS_PAGE_REQUEST,
    /** An email notification (a rule's notify: email, e.g. a delegation expiring). */
    EMAIL_NOTICE,
    /** Paging stopped: acknowledged, resolved, or the policy ran out of levels. */
    PAGING_STOPPED,
    /** A Critical was acknowledged: the next person on call in the paged schedule is told (a setting). */
    NEXT_ON_CALL,
    /** About no incident: someone's on-call shift starts soon ({@code firebreak.oncall.shift-notice-before}). */
    SHIFT_STARTING,
    /** About no incident: a change (an override) moved someone's on-call shifts; the old and the new times. */
    SHIFT_MOVED,
    /** About no incident: someone's on-call shifts in the coming day or week. */
    SHIFT_SUMMARY
}
