package org.firebreak.incident;

import org.firebreak.shared.IncidentType;
import org.firebreak.shared.Severity;

/** The events this module publishes; other modules react to them (paging, status page, metrics). */
public final class IncidentEvents {

    private IncidentEvents() {
    }

    public record IncidentOpened(IncidentId id, String title, Severity severity, IncidentType type) {
    }

    public record IncidentStatusChanged(IncidentId id, IncidentStatus from, IncidentStatus to, String actor) {
    }

    public record IncidentSeverityChanged(IncidentId id, Severity from, Severity to, String actor) {
    }
}
