package org.firebreak.statuspage.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.firebreak.statuspage.StatusSummary;
import org.jspecify.annotations.Nullable;

/**
 * The status page in the shape of Atlassian Statuspage's public API v2 ({@code summary.json}): the field names,
 * nesting and enumerations its consumers parse (page, status indicator, components, incidents with their updates,
 * scheduled maintenances).
 */
final class StatuspageJson {

    private static final String PAGE_ID = "firebreak";

    private StatuspageJson() {
    }

    record Summary(Page page, Status status, List<Component> components, List<Incident> incidents,
            @JsonProperty("scheduled_maintenances") List<Incident> scheduledMaintenances) {
    }

    record StatusOnly(Page page, Status status) {
    }

    record Page(String id, String name, String url, @JsonProperty("time_zone") String timeZone,
            @JsonProperty("updated_at") Instant updatedAt) {
    }

    record Status(String indicator, String description) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Component(String id, String name, String status, @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt, int position, String description, boolean showcase,
            @JsonProperty("start_date") @Nullable String startDate, @JsonProperty("group_id") @Nullable String groupId,
            @JsonProperty("page_id") String pageId, boolean group,
            @JsonProperty("only_show_if_degraded") boolean onlyShowIfDegraded) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Incident(String id, String name, String status, @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt, @JsonProperty("monitoring_at") @Nullable Instant monitoringAt,
            @JsonProperty("resolved_at") @Nullable Instant resolvedAt, String impact, String shortlink,
            @JsonProperty("started_at") Instant startedAt, @JsonProperty("page_id") String pageId,
            @JsonProperty("incident_updates") List<Update> incidentUpdates, List<ComponentRef> components,
            @JsonProperty("scheduled_for") @Nullable Instant scheduledFor,
            @JsonProperty("scheduled_until") @Nullable Instant scheduledUntil) {
    }

    record Update(String id, String status, String body, @JsonProperty("incident_id") String incidentId,
            @JsonProperty("created_at") Instant createdAt, @JsonProperty("updated_at") Instant updatedAt,
            @JsonProperty("display_at") Instant displayAt) {
    }

    record ComponentRef(String id, String name) {
    }

    static Summary of(StatusSummary s) {
        Page page = page(s);
        List<Component> components = s.components().stream().map(c -> new Component(c.id(), c.name(),
                c.status().wire(), s.updatedAt(), s.updatedAt(), c.position(), c.description(), true, null, null, PAGE_ID,
                false, false)).toList();
        List<Incident> incidents = s.active().stream().map(i -> incident(s, i)).toList();
        List<Incident> maintenances = s.maintenances().stream().map(m -> new Incident(m.id(), m.name(),
                m.active() ? "in_progress" : "scheduled", m.startsAt(), m.startsAt(), null, null, "maintenance",
                s.url(), m.startsAt(), PAGE_ID, List.of(), refs(s, m.components()), m.startsAt(), m.endsAt())).toList();
        return new Summary(page, new Status(s.indicator(), s.description()), components, incidents, maintenances);
    }

    static StatusOnly status(StatusSummary s) {
        return new StatusOnly(page(s), new Status(s.indicator(), s.description()));
    }

    private static Page page(StatusSummary s) {
        return new Page(PAGE_ID, s.name(), s.url(), "Etc/UTC", s.updatedAt());
    }

    private static Incident incident(StatusSummary s, StatusSummary.IncidentEntry i) {
        return new Incident(i.id(), i.name(), i.status(), i.startedAt(), i.updatedAt(), i.monitoringAt(), i.resolvedAt(),
                i.impact(), s.url() + "#" + i.id(), i.startedAt(), PAGE_ID,
                i.updates().stream().map(u -> new Update(u.id(), u.status(), u.body(), i.id(), u.at(), u.at(), u.at()))
                        .toList(), refs(s, i.components()), null, null);
    }

    private static List<ComponentRef> refs(StatusSummary s, List<String> ids) {
        return s.components().stream().filter(c -> ids.contains(c.id())).map(c -> new ComponentRef(c.id(), c.name()))
                .toList();
    }
}
