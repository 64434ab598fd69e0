package org.firebreak.detection;

import java.time.Instant;
import java.util.List;

import org.firebreak.incident.IncidentId;

/**
 * A maintenance window began (published once per window, in the transaction that records it): the on-call module
 * stops the escalations of {@code incidents}, the open TRIGGERED incidents it matches, and pages none of them while
 * it lasts ({@link SilenceApi#maintenanceCovering(IncidentId)}).
 *
 * @param window the silence id of the window
 * @param text how the timeline names it: {@code maintenance window #3 by bob (paymaster migration)}
 */
public record MaintenanceWindowBegan(long window, String text, Instant endsAt, List<IncidentId> incidents) {

    public MaintenanceWindowBegan {
        incidents = List.copyOf(incidents);
    }
}
