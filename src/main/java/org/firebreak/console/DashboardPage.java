package org.firebreak.console;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.firebreak.detection.AlertApi;
import org.firebreak.detection.AlertStatus;
import org.firebreak.detection.AlertView;
import org.firebreak.detection.MonitorApi;
import org.firebreak.detection.RuleStatus;
import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentFilter;
import org.firebreak.incident.IncidentPage;
import org.firebreak.incident.IncidentSummary;
import org.firebreak.incident.IncidentView;
import org.firebreak.oncall.OnCallApi;
import org.firebreak.shared.Severity;
import org.firebreak.shared.web.ConsolePage;
import org.firebreak.statuspage.StatusPage;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The dashboard: open incidents by severity, what detection is alerting on, who is on call now, and what the status
 * page tells the public. Its panels are re-fetched when any incident changes (server-sent events) and every half
 * minute for what changes without an incident (alerts, hand-offs).
 */
@ConsolePage
@Hidden
class DashboardPage {

    /** More open incidents than this are the incident list's job; the dashboard says how many it leaves out. */
    static final int SHOWN = 50;

    private final IncidentApi incidents;
    private final AlertApi alerts;
    private final MonitorApi monitors;
    private final OnCallApi oncall;
    private final StatusPage statusPage;
    private final LiveChanges live;

    DashboardPage(IncidentApi incidents, AlertApi alerts, MonitorApi monitors, OnCallApi oncall, StatusPage statusPage,
            LiveChanges live) {
        this.incidents = incidents;
        this.alerts = alerts;
        this.monitors = monitors;
        this.oncall = oncall;
        this.statusPage = statusPage;
        this.live = live;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        model.addAttribute("marker", live.marker(null));
        fill(model);
        return "console/dashboard";
    }

    @GetMapping("/panels/dashboard")
    String panels(Model model) {
        fill(model);
        return "console/dashboard :: panels";
    }

    @GetMapping("/events")
    SseEmitter events(@RequestParam(defaultValue = "-1") long since) {
        return live.subscribe(null, since);
    }

    private void fill(Model model) {
        IncidentPage open = incidents.list(new IncidentFilter(null, null, null, true, null), 0, SHOWN);
        List<IncidentView> shown = open.items().stream().map(IncidentSummary::id).map(incidents::get)
                .sorted(Comparator.comparing(IncidentView::severity).thenComparing(IncidentView::detectedAt,
                        Comparator.reverseOrder()))
                .toList();
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, incidents.list(new IncidentFilter(null, s, null, true, null), 0, 1).total());
        }
        List<AlertView> active = Stream.of(AlertStatus.FIRING, AlertStatus.SUPPRESSED)
                .flatMap(status -> alerts.list(null, status).stream())
                .sorted(Comparator.comparing(AlertView::lastSeenAt).reversed()).toList();
        model.addAttribute("open", shown);
        model.addAttribute("openTotal", open.total());
        model.addAttribute("counts", counts);
        model.addAttribute("alerts", active);
        List<RuleStatus> rules = monitors.rules();
        model.addAttribute("monitors", rules);
        model.addAttribute("holding", rules.stream().filter(r -> !r.instances().isEmpty()).toList());
        model.addAttribute("broken", rules.stream().filter(r -> r.lastError() != null).toList());
        model.addAttribute("lastChecked", rules.stream().map(RuleStatus::lastEvaluatedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null));
        List<OnCallApi.PathNow> paths = oncall.escalationPathsNow();
        Set<String> paged = paths.stream().flatMap(p -> p.levels().stream()).map(OnCallApi.LevelNow::schedule)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        model.addAttribute("escalation", paths);
        // Schedules no level pages: still who is on call, for whatever the team uses them for.
        model.addAttribute("oncall", oncall.now().stream().filter(o -> !paged.contains(o.schedule())).toList());
        model.addAttribute("status", statusPage.summary());
    }
}
