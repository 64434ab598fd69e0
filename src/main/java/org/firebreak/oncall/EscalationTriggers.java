package org.firebreak.oncall;

import org.firebreak.detection.MaintenanceWindowBegan;
import org.firebreak.incident.IncidentEvents.IncidentOpened;
import org.firebreak.incident.IncidentEvents.IncidentSeverityChanged;
import org.firebreak.incident.IncidentEvents.IncidentStatusChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Paging follows the incident: an opened incident starts its escalation, a move past TRIGGERED stops it, a new
 * severity re-times it, and a maintenance window that begins (detection's event) stops those it covers. Through the event publication registry, so a change committed just before a crash still
 * reaches paging after the restart.
 */
@Component
class EscalationTriggers {

    private final Paging paging;
    private final OnCallSettings settings;

    EscalationTriggers(Paging paging, OnCallSettings settings) {
        this.paging = paging;
        this.settings = settings;
    }

    @ApplicationModuleListener
    void on(IncidentOpened opened) {
        if (settings.paging()) {
            paging.start(opened.id());
        }
    }

    @ApplicationModuleListener
    void on(IncidentStatusChanged changed) {
        paging.statusChanged(changed.id(), changed.to(), changed.actor());
    }

    @ApplicationModuleListener
    void on(IncidentSeverityChanged changed) {
        paging.severityChanged(changed.id(), changed.from(), changed.to(), changed.actor());
    }

    /** A maintenance window began: each escalation it covers stops, in a transaction of its own. */
    @ApplicationModuleListener
    void on(MaintenanceWindowBegan began) {
        String why = Paging.underMaintenance(began.text(), began.endsAt());
        began.incidents().forEach(id -> paging.maintenanceBegan(id, why));
    }
}
