package org.firebreak.comms;

import java.util.List;
import java.util.Map;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentView;
import org.firebreak.incident.TimelineKind;
import org.firebreak.notify.MessageKind;
import org.firebreak.notify.NotificationApi;
import org.firebreak.notify.NotificationRequest;
import org.springframework.stereotype.Component;

/**
 * Sends a message to the stakeholder groups of an incident, or says on the timeline that no group covers its
 * components, so nobody assumes the stakeholders were told.
 */
@Component
class StakeholderNotices {

    static final String ACTOR = "firebreak";

    private final NotificationApi notifications;
    private final IncidentApi incidents;

    StakeholderNotices(NotificationApi notifications, IncidentApi incidents) {
        this.notifications = notifications;
        this.incidents = incidents;
    }

    void send(IncidentView incident, MessageKind kind, List<StakeholderFile.Group> groups, Map<String, String> values,
            String key) {
        if (groups.isEmpty()) {
            incidents.record(incident.id(), TimelineKind.NOTIFICATION, kind + ": no stakeholder group covers "
                    + (incident.components().isEmpty() ? "an incident without components"
                            : String.join(", ", incident.components())) + "; nobody outside the team was told", ACTOR);
            return;
        }
        Map<String, String> withGroups = new java.util.HashMap<>(values);
        withGroups.put("group", Stakeholders.names(groups));
        notifications.request(new NotificationRequest(incident.id(), kind, Stakeholders.destinations(groups),
                withGroups, key));
    }
}
