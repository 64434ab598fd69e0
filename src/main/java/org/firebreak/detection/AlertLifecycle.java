package org.firebreak.detection;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.firebreak.detection.DetectionSettings.Integration;
import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.incident.InvalidIncidentInput;
import org.firebreak.incident.OpenIncident;
import org.firebreak.shared.IncidentType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What one signal does to its alert, inside the caller's transaction with the alert's row locked: a new key opens
 * an incident (or joins its group's open incident, or is held back by a silence), a repeat bumps the count, an
 * acknowledgement at the source acknowledges the incident, a resolve resolves the alert and notes it on the
 * incident, which stays open for a human unless the alert's rule resolves incidents itself.
 */
@Component
class AlertLifecycle {

    private final Alerts alerts;
    private final IncidentApi incidents;
    private final SilenceApi silences;
    private final Clock clock;

    AlertLifecycle(Alerts alerts, IncidentApi incidents, SilenceApi silences, Clock clock) {
        this.alerts = alerts;
        this.incidents = incidents;
        this.silences = silences;
        this.clock = clock;
    }

    Map<String, AlertView> apply(Integration source, List<Signal> signals) {
        Map<String, AlertView> touched = new LinkedHashMap<>();
        for (Signal signal : signals) {
            Optional<AlertView> existing = alerts.findForUpdate(source.name(), signal.dedupKey());
            Optional<AlertView> after = switch (signal.action()) {
                case TRIGGER -> Optional.of(existing.map(a -> repeat(source, a, signal)).orElseGet(() -> first(source, signal)));
                case ACKNOWLEDGE -> existing.map(a -> acknowledge(source, a));
                case RESOLVE -> existing.map(a -> resolve(source, a));
            };
            after.ifPresent(a -> touched.put(a.dedupKey(), a));
        }
        return touched;
    }

    /** A new key: claim it (the unique key makes a concurrent twin fail here), then find it an incident. */
    private AlertView first(Integration source, Signal signal) {
        Instant now = now();
        AlertView claimed = new AlertView(source.name(), signal.dedupKey(), AlertStatus.FIRING, signal.title(), null, 1,
                now, now, null, signal.labels(), signal.group(), signal.resolvesIncident(), null);
        alerts.insert(claimed);
        return route(source, claimed, signal, "Opened from");
    }

    private AlertView repeat(Integration source, AlertView alert, Signal signal) {
        Instant now = now();
        if (alert.status() == AlertStatus.SUPPRESSED && alert.silence() != null) {
            SilenceView silence = silences.get(alert.silence());
            if (silence.active()) {
                silences.recordSuppressed(silence.id(), alert);
                return save(alert.with(AlertStatus.SUPPRESSED, alert.incident(), alert.count() + 1, now, null,
                        signal.labels(), alert.silence()));
            }
            return route(source, alert.with(AlertStatus.FIRING, null, alert.count() + 1, now, null, signal.labels(), null),
                    signal, heldBack(silence) + "; still firing after it ended, so opened from");
        }
        AlertView firing = alert.with(AlertStatus.FIRING, alert.incident(), alert.count() + 1, now, null,
                signal.labels(), null);
        if (alert.status() == AlertStatus.FIRING) {
            return save(firing);
        }
        if (alert.incident() != null && incidents.get(alert.incident()).status().isOpen()) {
            save(firing);
            incidents.addNote(alert.incident(), "Alert " + describe(source, alert) + " fires again (seen "
                    + firing.count() + " times): " + signal.source(), actor(source));
            return firing;
        }
        // The incident it belonged to was resolved: this is new trouble, so it gets an incident of its own.
        return route(source, firing, signal, "Fired again after " + alert.incident() + " ended; opened from");
    }

    /** A firing alert without an open incident: held back by a silence, joined to its group's, or a new one. */
    private AlertView route(Integration source, AlertView alert, Signal signal, String how) {
        Optional<SilenceView> silence = silences.matching(signal.labels(), signal.components());
        if (silence.isPresent()) {
            silences.recordSuppressed(silence.get().id(), alert);
            alerts.holdSignal(alert, signal);
            return save(alert.with(AlertStatus.SUPPRESSED, alert.incident(), alert.count(), alert.lastSeenAt(), null,
                    alert.labels(), silence.get().id()));
        }
        Optional<IncidentId> grouped = openIncidentOfGroup(alert);
        if (grouped.isPresent()) {
            AlertView linked = save(alert.with(AlertStatus.FIRING, grouped.get(), alert.count(), alert.lastSeenAt(), null,
                    alert.labels(), null));
            incidents.addNote(grouped.get(), "Alert " + describe(source, alert) + " joins this incident (group '"
                    + alert.group() + "'): " + signal.title() + ": " + signal.source(), actor(source));
            return linked;
        }
        IncidentId id = open(source, signal);
        AlertView linked = save(alert.with(AlertStatus.FIRING, id, alert.count(), alert.lastSeenAt(), null,
                alert.labels(), null));
        incidents.addNote(id, how + " " + describe(source, alert) + ": " + signal.source(), actor(source));
        return linked;
    }

    private Optional<IncidentId> openIncidentOfGroup(AlertView alert) {
        if (alert.group() == null) {
            return Optional.empty();
        }
        return alerts.inGroup(alert.group()).stream().map(AlertView::incident).filter(java.util.Objects::nonNull)
                .distinct().filter(id -> incidents.get(id).status().isOpen()).findFirst();
    }

    private AlertView acknowledge(Integration source, AlertView alert) {
        IncidentId id = alert.incident();
        if (id != null && incidents.get(id).status() == IncidentStatus.TRIGGERED) {
            incidents.changeStatus(id, IncidentStatus.ACKNOWLEDGED,
                    "Acknowledged at the source: alert " + describe(source, alert), actor(source));
        }
        return alert;
    }

    private AlertView resolve(Integration source, AlertView alert) {
        if (alert.status() == AlertStatus.RESOLVED) {
            return alert;
        }
        Instant now = now();
        AlertView resolved = save(alert.with(AlertStatus.RESOLVED, alert.incident(), alert.count(), now, now,
                alert.labels(), alert.silence()));
        IncidentId id = alert.incident();
        if (id == null || alert.status() == AlertStatus.SUPPRESSED) {
            return resolved;
        }
        IncidentStatus status = incidents.get(id).status();
        boolean allClear = alerts.ofIncident(id).stream().noneMatch(a -> a.status().isActive());
        if (alert.resolvesIncident() && status.isOpen() && allClear) {
            incidents.changeStatus(id, IncidentStatus.RESOLVED, "Resolved automatically: alert " + describe(source, alert)
                    + " cleared after " + alert.count() + " reports and no other alert of this incident fires",
                    actor(source));
        } else {
            incidents.addNote(id, "Alert " + describe(source, alert) + (source.kind() == IntegrationKind.RULES
                    ? " cleared after " : " resolved at the source after ") + alert.count()
                    + " reports; the incident stays " + status + (allClear ? " for a human to resolve"
                            : " while its other alerts fire"), actor(source));
        }
        return resolved;
    }

    /**
     * An alert held back by a silence that has ended, still firing: it gets its incident now, from the signal kept
     * when it was held back (the sender will not repeat it just because a silence ended).
     */
    void release(Integration source, AlertView alert) {
        SilenceView silence = silences.get(java.util.Objects.requireNonNull(alert.silence()));
        Signal signal = alerts.heldSignal(alert);
        route(source, alert.with(AlertStatus.FIRING, null, alert.count(), alert.lastSeenAt(), null, alert.labels(), null),
                signal, heldBack(silence) + "; still firing after it ended, so opened from");
    }

    private static String heldBack(SilenceView silence) {
        return "Held back by " + silence.describe() + " " + silence.period();
    }

    /** Opens with the alert's type; a type without a playbook must not lose the alert, so it falls back. */
    private IncidentId open(Integration source, Signal signal) {
        IncidentType type = signal.type() != null ? signal.type() : source.defaultType();
        try {
            return incidents.open(command(source, signal, type), actor(source)).id();
        } catch (InvalidIncidentInput e) {
            if (!"type".equals(e.field()) || type == null || type.equals(source.defaultType())) {
                throw e;
            }
            IncidentId id = incidents.open(command(source, signal, source.defaultType()), actor(source)).id();
            incidents.addNote(id, "The alert asked for type " + type + ", which has no playbook: " + e.getMessage(),
                    actor(source));
            return id;
        }
    }

    private OpenIncident command(Integration source, Signal signal, @Nullable IncidentType type) {
        Instant now = now();
        Instant detected = signal.startedAt() == null || signal.startedAt().isAfter(now) ? now : signal.startedAt();
        return new OpenIncident(signal.title(), signal.summary(),
                signal.severity() != null ? signal.severity() : source.defaultSeverity(),
                signal.criteria().isEmpty() ? null : signal.criteria(), type == null ? null : type.name(),
                signal.components(), null, null, detected);
    }

    /** Microseconds, what both stores keep, so an answer shows the same time as a later read. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private AlertView save(AlertView alert) {
        alerts.update(alert);
        return alert;
    }

    static String describe(Integration source, AlertView alert) {
        return "'" + alert.dedupKey() + "' of " + source.kind().name().toLowerCase(Locale.ROOT) + " integration '"
                + source.name() + "'";
    }

    static String actor(Integration source) {
        return "integration:" + source.name();
    }
}
