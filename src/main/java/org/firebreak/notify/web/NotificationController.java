package org.firebreak.notify.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.notify.DeliveryView;
import org.firebreak.notify.NotificationApi;
import org.firebreak.shared.web.InvalidRequestField;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What was sent about an incident: each delivery with its status and attempts. */
@RestController
@Tag(name = "Notifications")
class NotificationController {

    private final NotificationApi notifications;
    private final IncidentApi incidents;

    NotificationController(NotificationApi notifications, IncidentApi incidents) {
        this.notifications = notifications;
        this.incidents = incidents;
    }

    @GetMapping("/api/v1/incidents/{id}/notifications")
    @Operation(summary = "Every delivery of the incident's notifications, oldest first: kind, channel, address, "
            + "person, status (PENDING, SENDING, RETRYING, DELIVERED, FAILED, UNKNOWN) and attempts")
    List<DeliveryView> list(@PathVariable String id) {
        IncidentId incident = parse(id);
        incidents.get(incident);
        return notifications.deliveries(incident);
    }

    static IncidentId parse(String id) {
        try {
            return IncidentId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestField("id", e.getMessage());
        }
    }
}
