package org.firebreak.detection;

import java.util.List;

import org.firebreak.incident.IncidentId;

/** The alerts behind one incident: its groups with their counts, and the alerts themselves, most recently seen first. */
public record IncidentAlerts(IncidentId incident, List<AlertGroupView> groups, List<AlertView> alerts) {
}
