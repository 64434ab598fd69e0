package org.firebreak.console;

import java.util.Locale;

import org.firebreak.incident.TimelineEntry;
import org.firebreak.incident.TimelineKind;
import org.firebreak.shared.web.Actor;

/**
 * The incident room's timeline filters: what people did, what Firebreak and its checks did by themselves or ran for
 * someone, and the paging and messages sent.
 */
enum TimelineFilter {
    ALL("All"), HUMAN("People"), AUTOMATED("Automated"), NOTIFICATIONS("Notifications");

    final String label;

    TimelineFilter(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean shows(TimelineEntry entry) {
        return this == ALL || of(entry) == this;
    }

    /** Which filter an entry belongs to, also what the room writes beside it. */
    static TimelineFilter of(TimelineEntry entry) {
        if (entry.kind() == TimelineKind.NOTIFICATION || entry.kind() == TimelineKind.ESCALATION) {
            return NOTIFICATIONS;
        }
        boolean machine = entry.kind() == TimelineKind.STEP_RAN || entry.kind() == TimelineKind.ACTION_RAN
                || entry.kind() == TimelineKind.ACTION_REFUSED;
        return machine || Actor.SYSTEM.equals(entry.actor()) ? AUTOMATED : HUMAN;
    }

    /** Unknown or missing names show everything rather than failing a panel refresh. */
    static TimelineFilter parse(String name) {
        for (TimelineFilter f : values()) {
            if (f.param().equalsIgnoreCase(name.strip())) {
                return f;
            }
        }
        return ALL;
    }
}
