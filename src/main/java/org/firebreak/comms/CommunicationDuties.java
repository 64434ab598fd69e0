package org.firebreak.comms;

import java.util.List;
import java.util.Map;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentEvents.IncidentOpened;
import org.firebreak.incident.IncidentEvents.IncidentSeverityChanged;
import org.firebreak.incident.IncidentEvents.IncidentStatusChanged;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.incident.IncidentView;
import org.firebreak.notify.Destination;
import org.firebreak.notify.MessageKind;
import org.firebreak.notify.NotificationApi;
import org.firebreak.notify.NotificationRequest;
import org.firebreak.shared.TimeText;
import org.firebreak.shared.Severity;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The plan's communication duties, as incidents open and change. Critical: the stakeholders of the incident's
 * components are told at once, and the commander is reminded to post status updates until it is resolved. High: the
 * team is told and the commander (or the team) is asked to update the status page. Each message has a key per
 * incident, so a replayed event or a severity that goes back and forth tells nobody twice.
 */
@Component
class CommunicationDuties {

    private final IncidentApi incidents;
    private final NotificationApi notifications;
    private final Stakeholders stakeholders;
    private final StakeholderNotices notices;
    private final StatusUpdateReminders reminders;
    private final CommsSettings settings;

    CommunicationDuties(IncidentApi incidents, NotificationApi notifications, Stakeholders stakeholders,
            StakeholderNotices notices, StatusUpdateReminders reminders, CommsSettings settings) {
        this.incidents = incidents;
        this.notifications = notifications;
        this.stakeholders = stakeholders;
        this.notices = notices;
        this.reminders = reminders;
        this.settings = settings;
    }

    @ApplicationModuleListener
    void on(IncidentOpened opened) {
        duties(opened.id(), null, opened.severity());
    }

    @ApplicationModuleListener
    void on(IncidentSeverityChanged changed) {
        duties(changed.id(), changed.from(), changed.to());
    }

    @ApplicationModuleListener
    void on(IncidentStatusChanged changed) {
        if (closed(changed.to())) {
            reminders.stop(changed.id());
        } else if (closed(changed.from()) && StatusUpdateReminders.stillDue(incidents.get(changed.id()))) {
            reminders.start(changed.id());
        }
    }

    private void duties(IncidentId id, @Nullable Severity from, Severity to) {
        IncidentView incident = incidents.get(id);
        if (from == Severity.CRITICAL && to != Severity.CRITICAL) {
            reminders.stop(id);
        }
        if (to == Severity.CRITICAL) {
            notices.send(incident, MessageKind.STAKEHOLDER_NOTICE, stakeholders.groupsFor(incident.components()),
                    Map.of("every", TimeText.duration(settings.statusUpdateEvery())), id + ":stakeholder-notice:critical");
            if (StatusUpdateReminders.stillDue(incident)) {
                reminders.start(id);
            }
        } else if (to == Severity.HIGH) {
            notifications.request(new NotificationRequest(id, MessageKind.TEAM_NOTICE, List.of(notifications.teamChannel()),
                    Map.of("reason", from == null ? "High incident opened" : "severity " + from + " → HIGH"),
                    id + ":team-notice:high"));
            String commander = incident.commander();
            List<Destination> asked = commander == null ? List.of(notifications.teamChannel()) : notifications.reach(commander);
            notifications.request(new NotificationRequest(id, MessageKind.STATUS_PAGE_REQUEST, asked,
                    Map.of("commander", commander == null ? "" : commander), id + ":status-page-request:high"));
        }
    }

    private static boolean closed(IncidentStatus status) {
        return status == IncidentStatus.RESOLVED || status == IncidentStatus.CLOSED;
    }
}
