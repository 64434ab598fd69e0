package org.firebreak.comms;

import java.time.Instant;

import org.firebreak.incident.IncidentId;

/** A posted status update. */
public record StatusUpdateView(long id, IncidentId incident, String text, UpdateStatus status, Visibility visibility,
        String author, Instant postedAt) {
}
