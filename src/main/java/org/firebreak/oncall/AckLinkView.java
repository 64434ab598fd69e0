package org.firebreak.oncall;

import java.time.Instant;

import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.shared.Severity;

/**
 * What an acknowledge link is for: who was paged about which incident at which level, and where the incident stands.
 *
 * @param acknowledged true once this link acknowledged the incident
 */
public record AckLinkView(IncidentId incident, String title, Severity severity, IncidentStatus status, int level,
        String levelName, String person, Instant expires, boolean acknowledged) {
}
