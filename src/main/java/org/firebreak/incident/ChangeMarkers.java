package org.firebreak.incident;

import java.util.Map;

/**
 * Cheap markers that move whenever an incident changes, for pollers such as the console's live pages. Every change
 * to an incident (a step, a status, a timeline entry of any kind, also those other modules record) bumps its row
 * version in the same transaction, so a marker that has not moved means nothing was written.
 *
 * @param all moves when any incident is opened or changed
 * @param incidents the current marker of each incident asked about that exists
 */
public record ChangeMarkers(long all, Map<IncidentId, Long> incidents) {

    public ChangeMarkers {
        incidents = Map.copyOf(incidents);
    }

    /** The incident's marker, or -1 when it does not exist. */
    public long of(IncidentId id) {
        return incidents.getOrDefault(id, -1L);
    }
}
