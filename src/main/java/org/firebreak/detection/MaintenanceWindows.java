package org.firebreak.detection;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentOverview;
import org.firebreak.incident.IncidentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Maintenance windows and the incidents they cover. An incident is covered by a window in force when the window
 * matches one of its alerts (with the incident's components), or, for a window whose only matcher is a component,
 * when the incident affects that component (an incident opened by hand has no alerts). A window that begins is told
 * to on-call once ({@link MaintenanceWindowBegan}); while it lasts on-call asks {@link #covering} before it pages.
 */
@Component
class MaintenanceWindows {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceWindows.class);
    private static final int LIST_LIMIT = 200;

    private final Silences silences;
    private final Alerts alerts;
    private final IncidentApi incidents;
    private final ApplicationEventPublisher events;

    MaintenanceWindows(Silences silences, Alerts alerts, IncidentApi incidents, ApplicationEventPublisher events) {
        this.silences = silences;
        this.alerts = alerts;
        this.incidents = incidents;
        this.events = events;
    }

    /**
     * In the caller's transaction: claims the window's start and publishes {@link MaintenanceWindowBegan} with the
     * TRIGGERED incidents it covers; nothing when its start was told already (here or by another replica).
     */
    Optional<MaintenanceWindowBegan> tellBegun(SilenceView window, Instant now) {
        if (window.kind() != SilenceKind.MAINTENANCE || !silences.claim(window.id(), Silences.FollowUp.BEGAN, now)) {
            return Optional.empty();
        }
        List<IncidentId> covered = incidents.openOrDetectedSince(now).stream()
                .filter(i -> i.status() == IncidentStatus.TRIGGERED)
                .filter(i -> covers(window, i.components(), alerts.ofIncident(i.id())))
                .map(IncidentOverview::id).toList();
        MaintenanceWindowBegan began = new MaintenanceWindowBegan(window.id(), window.describe(), window.endsAt(),
                covered);
        events.publishEvent(began);
        log.info("{} began; escalations to stop: {}", window.describe(), covered.isEmpty() ? "none" : covered);
        return Optional.of(began);
    }

    /** The maintenance window in force now that covers the incident, if any (the one created first). */
    Optional<SilenceView> covering(IncidentId id, Instant now) {
        List<SilenceView> windows = silences.list(false, now, LIST_LIMIT).stream()
                .filter(s -> s.active() && s.kind() == SilenceKind.MAINTENANCE).toList();
        if (windows.isEmpty()) {
            return Optional.empty();
        }
        List<String> components = incidents.get(id).components();
        List<AlertView> of = alerts.ofIncident(id);
        return windows.stream().filter(w -> covers(w, components, of)).min(Comparator.comparingLong(SilenceView::id));
    }

    static boolean covers(SilenceView window, List<String> components, List<AlertView> alerts) {
        return SilenceApi.matches(window, Map.of(), components)
                || alerts.stream().anyMatch(a -> SilenceApi.matches(window, a.labels(), components));
    }
}
