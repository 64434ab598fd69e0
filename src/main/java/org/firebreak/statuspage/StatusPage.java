package org.firebreak.statuspage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.firebreak.comms.StatusUpdateView;
import org.firebreak.comms.StatusUpdates;
import org.firebreak.comms.UpdateStatus;
import org.firebreak.detection.AlertApi;
import org.firebreak.detection.AlertStatus;
import org.firebreak.detection.AlertView;
import org.firebreak.detection.SilenceApi;
import org.firebreak.detection.SilenceKind;
import org.firebreak.detection.SilenceView;
import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentOverview;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.incident.IncidentSummary;
import org.firebreak.shared.Severity;
import org.firebreak.shared.web.PublicUrl;
import org.firebreak.statuspage.StatusPageSettings.Component;
import org.firebreak.statuspage.StatusSummary.ComponentView;
import org.firebreak.statuspage.StatusSummary.Day;
import org.firebreak.statuspage.StatusSummary.IncidentEntry;
import org.firebreak.statuspage.StatusSummary.Maintenance;
import org.springframework.stereotype.Service;

/**
 * Computes what the public sees, on each request. A component takes the worst of: its open public incidents (Critical
 * → major outage, High → partial outage, Medium → degraded performance), a detection alert that fires without an
 * open incident (degraded performance), an active maintenance window naming it (under maintenance). An incident is
 * public when it is Medium or worse: a Low one (a delegation a week from expiry) is the team's business. An open
 * incident's public status is its latest public status update's (investigating, identified, monitoring), else
 * derived from its own status.
 */
@Service
public class StatusPage {

    static final Duration HISTORY = Duration.ofDays(90);

    private final StatusPageSettings settings;
    private final IncidentApi incidents;
    private final AlertApi alerts;
    private final SilenceApi silences;
    private final StatusUpdates updates;
    private final PublicUrl publicUrl;
    private final Clock clock;

    StatusPage(StatusPageSettings settings, IncidentApi incidents, AlertApi alerts, SilenceApi silences,
            StatusUpdates updates, PublicUrl publicUrl, Clock clock) {
        this.settings = settings;
        this.incidents = incidents;
        this.alerts = alerts;
        this.silences = silences;
        this.updates = updates;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    public StatusSummary summary() {
        Instant now = clock.instant();
        List<IncidentOverview> recent = recentPublicIncidents(now);
        Map<IncidentId, List<StatusUpdateView>> published = publicUpdates(recent, now);
        List<IncidentOverview> open = recent.stream().filter(i -> i.status().isOpen()).toList();
        List<SilenceView> windows = silences.list(true).stream()
                .filter(s -> s.kind() == SilenceKind.MAINTENANCE && s.endedAt() == null && s.endsAt().isAfter(now))
                .toList();
        List<ComponentView> components = components(open, firingWithoutIncident(), windows, now);
        ComponentStatus worst = components.stream().map(ComponentView::status)
                .reduce(ComponentStatus.OPERATIONAL, ComponentStatus::worst);
        List<IncidentEntry> active = open.stream().map(i -> entry(i, published)).toList();
        List<IncidentEntry> history = recent.stream().filter(i -> !i.status().isOpen()).map(i -> entry(i, published))
                .toList();
        String url = settings.url().isBlank() ? publicUrl.base() + "/status" : settings.url();
        return new StatusSummary(settings.name(), url, now, indicator(worst), description(worst), components,
                active, history, windows.stream().map(w -> maintenance(w, now)).toList(), days(recent, now));
    }

    private List<ComponentView> components(List<IncidentOverview> open, List<AlertView> firing, List<SilenceView> windows,
            Instant now) {
        List<ComponentView> views = new ArrayList<>();
        int position = 1;
        for (Component c : settings.components()) {
            ComponentStatus status = ComponentStatus.OPERATIONAL;
            List<String> because = new ArrayList<>();
            for (SilenceView w : windows) {
                if (!w.startsAt().isAfter(now) && w.component() != null && c.affectedBy().contains(w.component())) {
                    status = status.worst(ComponentStatus.UNDER_MAINTENANCE);
                    because.add("maintenance #" + w.id());
                }
            }
            for (AlertView a : firing) {
                if (affects(c, List.of(a.labels().getOrDefault("component", "").split(",")))) {
                    status = status.worst(ComponentStatus.DEGRADED_PERFORMANCE);
                    because.add("alert " + a.dedupKey());
                }
            }
            for (IncidentOverview i : open) {
                if (affects(c, i.components())) {
                    status = status.worst(of(i.severity()));
                    because.add(i.id().toString());
                }
            }
            views.add(new ComponentView(c.id(), c.name(), c.description(), status, position++, because));
        }
        return views;
    }

    private static boolean affects(Component c, Collection<String> components) {
        return components.stream().map(String::strip).anyMatch(c.affectedBy()::contains);
    }

    static ComponentStatus of(Severity severity) {
        return switch (severity) {
            case CRITICAL -> ComponentStatus.MAJOR_OUTAGE;
            case HIGH -> ComponentStatus.PARTIAL_OUTAGE;
            case MEDIUM -> ComponentStatus.DEGRADED_PERFORMANCE;
            case LOW -> ComponentStatus.OPERATIONAL;
        };
    }

    /**
     * Incidents detected in the last 90 days that the public sees, newest first, open ones first (open ones whenever
     * detected): one read of the incident module's overview, whatever their number.
     */
    private List<IncidentOverview> recentPublicIncidents(Instant now) {
        List<IncidentOverview> found = incidents.openOrDetectedSince(now.minus(HISTORY)).stream()
                .filter(i -> i.severity() != Severity.LOW).toList();
        return Stream.concat(found.stream().filter(i -> i.status().isOpen()),
                found.stream().filter(i -> !i.status().isOpen())).toList();
    }

    /** The public updates of the given incidents, oldest first, in one read (none is posted before its incident opens). */
    private Map<IncidentId, List<StatusUpdateView>> publicUpdates(List<IncidentOverview> recent, Instant now) {
        Instant since = recent.stream().map(IncidentOverview::openedAt).min(Instant::compareTo).orElse(now);
        Map<IncidentId, List<StatusUpdateView>> byIncident = new HashMap<>();
        for (StatusUpdateView u : updates.publicUpdatesSince(since)) {
            byIncident.computeIfAbsent(u.incident(), id -> new ArrayList<>()).add(u);
        }
        return byIncident;
    }

    private List<AlertView> firingWithoutIncident() {
        List<AlertView> firing = alerts.list(null, AlertStatus.FIRING);
        Set<IncidentId> open = incidents.summaries(firing.stream().map(AlertView::incident).filter(Objects::nonNull)
                .collect(Collectors.toSet())).stream().filter(i -> i.status().isOpen()).map(IncidentSummary::id)
                .collect(Collectors.toSet());
        return firing.stream().filter(a -> a.incident() == null || !open.contains(a.incident())).toList();
    }

    private IncidentEntry entry(IncidentOverview i, Map<IncidentId, List<StatusUpdateView>> updates) {
        List<StatusSummary.Update> published = updates.getOrDefault(i.id(), List.of()).reversed().stream()
                .map(u -> new StatusSummary.Update(Long.toString(u.id()), u.status().toString(), u.text(), u.postedAt()))
                .toList();
        String status = published.isEmpty() || !i.status().isOpen() ? status(i.status()).toString() : published.getFirst().status();
        Instant updated = published.isEmpty() ? latest(i) : published.getFirst().at().isAfter(latest(i))
                ? published.getFirst().at() : latest(i);
        return new IncidentEntry(i.id().toString(), i.title(), status, impact(i.severity()), i.detectedAt(), updated,
                i.mitigatedAt(), i.resolvedAt(), componentsOf(i), published);
    }

    private List<String> componentsOf(IncidentOverview i) {
        return settings.components().stream().filter(c -> affects(c, i.components())).map(Component::id).toList();
    }

    private static Instant latest(IncidentOverview i) {
        return Stream.of(i.openedAt(), i.acknowledgedAt(), i.mitigatedAt(), i.resolvedAt(), i.closedAt())
                .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(i.openedAt());
    }

    /** Where an incident stands in the status page's words, derived from its own status. */
    static UpdateStatus status(IncidentStatus status) {
        return switch (status) {
            case TRIGGERED, ACKNOWLEDGED, INVESTIGATING -> UpdateStatus.INVESTIGATING;
            case MITIGATED -> UpdateStatus.MONITORING;
            case RESOLVED, CLOSED -> UpdateStatus.RESOLVED;
        };
    }

    static String impact(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "critical";
            case HIGH -> "major";
            case MEDIUM -> "minor";
            case LOW -> "none";
        };
    }

    private static String indicator(ComponentStatus worst) {
        return switch (worst) {
            case MAJOR_OUTAGE -> "critical";
            case PARTIAL_OUTAGE -> "major";
            case DEGRADED_PERFORMANCE -> "minor";
            case UNDER_MAINTENANCE -> "maintenance";
            case OPERATIONAL -> "none";
        };
    }

    private static String description(ComponentStatus worst) {
        return switch (worst) {
            case MAJOR_OUTAGE -> "Major System Outage";
            case PARTIAL_OUTAGE -> "Partial System Outage";
            case DEGRADED_PERFORMANCE -> "Minor Service Outage";
            case UNDER_MAINTENANCE -> "Service Under Maintenance";
            case OPERATIONAL -> "All Systems Operational";
        };
    }

    private Maintenance maintenance(SilenceView w, Instant now) {
        List<String> affected = settings.components().stream()
                .filter(c -> w.component() != null && c.affectedBy().contains(w.component())).map(Component::id).toList();
        return new Maintenance("maintenance-" + w.id(), w.reason(), w.startsAt(), w.endsAt(), !w.startsAt().isAfter(now),
                affected);
    }

    /** 90 days, oldest first, each with the worst impact of the public incidents detected that day. */
    private static List<Day> days(List<IncidentOverview> recent, Instant now) {
        Map<LocalDate, List<IncidentOverview>> byDay = recent.stream()
                .collect(Collectors.groupingBy(i -> LocalDate.ofInstant(i.detectedAt(), ZoneOffset.UTC)));
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Day> days = new ArrayList<>();
        for (LocalDate d = today.minusDays(HISTORY.toDays() - 1); !d.isAfter(today); d = d.plusDays(1)) {
            List<IncidentOverview> that = byDay.getOrDefault(d, List.of());
            Optional<Severity> worst = that.stream().map(IncidentOverview::severity).min(Enum::compareTo);
            days.add(new Day(d, worst.map(StatusPage::impact).orElse("none"), that.size()));
        }
        return days;
    }
}
