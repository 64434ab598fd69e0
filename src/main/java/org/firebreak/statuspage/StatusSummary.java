package org.firebreak.statuspage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The status page's content at one instant, before it is rendered as HTML, Statuspage JSON or Atom.
 *
 * @param indicator Statuspage's page indicator: none, minor, major or critical
 */
public record StatusSummary(String name, String url, Instant updatedAt, String indicator, String description,
        List<ComponentView> components, List<IncidentEntry> active, List<IncidentEntry> history,
        List<Maintenance> maintenances, List<Day> days) {

    public record ComponentView(String id, String name, String description, ComponentStatus status, int position,
            List<String> because) {
    }

    /**
     * An incident as the public sees it.
     *
     * @param status Statuspage's incident status: investigating, identified, monitoring, resolved
     * @param impact none, minor, major or critical
     */
    public record IncidentEntry(String id, String name, String status, String impact, Instant startedAt,
            Instant updatedAt, @Nullable Instant monitoringAt, @Nullable Instant resolvedAt, List<String> components,
            List<Update> updates) {
    }

    /** A public update of an incident, newest first. */
    public record Update(String id, String status, String body, Instant at) {
    }

    public record Maintenance(String id, String name, Instant startsAt, Instant endsAt, boolean active,
            List<String> components) {
    }

    /** One day of the history strip: the worst impact of incidents that day. */
    public record Day(LocalDate date, String impact, int incidents) {
    }
}
