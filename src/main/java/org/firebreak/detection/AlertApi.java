package org.firebreak.detection;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.firebreak.detection.DetectionSettings.Integration;
import org.firebreak.incident.IncidentId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alerts in: signals from external senders and from Firebreak's own rules, each becoming an alert deduplicated by
 * key per integration (see {@link AlertLifecycle} for what a signal does). One request's signals are applied in
 * one transaction, so a rejected request writes nothing; when a concurrent request claimed the same key first, the
 * whole request is replayed against the fresh state.
 */
@Service
public class AlertApi {

    /** The built-in integration Firebreak's own rules raise their alerts through. */
    public static final String RULES = "rules";

    private static final int LIST_LIMIT = 200;
    private static final int INCIDENT_ALERTS = 1000;

    private final Map<String, Integration> integrations;
    private final Alerts alerts;
    private final AlertGroups alertGroups;
    private final AlertLifecycle lifecycle;
    private final AlertIntake intake;
    private final RepeatJournal journal;
    private final TransactionTemplate tx;
    private final Clock clock;

    AlertApi(DetectionSettings settings, Alerts alerts, AlertGroups alertGroups, AlertLifecycle lifecycle,
            AlertIntake intake, RepeatJournal journal, TransactionTemplate tx, Clock clock) {
        // The rules integration is reached only in-process; its secret is random and never checked.
        Integration rules = new Integration(RULES, IntegrationKind.RULES, UUID.randomUUID().toString(), null, null, null);
        this.integrations = Stream.concat(settings.integrations().stream(), Stream.of(rules))
                .collect(Collectors.toUnmodifiableMap(Integration::name, Function.identity()));
        this.alerts = alerts;
        this.alertGroups = alertGroups;
        this.lifecycle = lifecycle;
        this.intake = intake;
        this.journal = journal;
        this.tx = tx;
        this.clock = clock;
    }

    /** Checks the presented secret in constant time; throws unless it is the integration's. */
    public void authenticate(String integration, IntegrationKind kind, @Nullable String secret, String where) {
        if (kind == IntegrationKind.RULES || !integration(integration, kind).accepts(secret)) {
            throw new SecretRejected(integration, where);
        }
    }

    /**
     * Applies an authenticated sender's signals; returns how many it stored. Repeats of firing alerts go the fast
     * way: on the embedded store the {@link RepeatJournal}, else (or for an alert it does not know yet) the
     * {@link AlertIntake}'s group commit; the rest, and any repeat neither applied, the full way.
     */
    public int receive(String integration, IntegrationKind kind, List<Signal> signals) {
        Integration source = integration(integration, kind);
        List<Signal> rest = signals;
        if (signals.stream().allMatch(s -> s.action() == SignalAction.TRIGGER)) {
            rest = notTaken(signals, journal.accept(source, signals));
            if (!rest.isEmpty()) {
                List<Signal> repeats = rest;
                boolean[] applied = intake.repeat(source.name(), repeats);
                for (int i = 0; i < applied.length; i++) {
                    if (applied[i]) {
                        journal.remember(source.name(), repeats.get(i).dedupKey(), repeats.get(i).labels());
                    }
                }
                rest = notTaken(repeats, applied);
            }
        }
        if (!rest.isEmpty()) {
            apply(source, rest);
        }
        return signals.size();
    }

    private static List<Signal> notTaken(List<Signal> signals, boolean[] taken) {
        return java.util.stream.IntStream.range(0, signals.size()).filter(i -> !taken[i]).mapToObj(signals::get)
                .toList();
    }

    /** Firebreak's own rules raising or clearing alerts; returns the alerts they touched, in the signals' order. */
    public List<AlertView> raise(List<Signal> signals) {
        return apply(integration(RULES, IntegrationKind.RULES), signals);
    }

    private List<AlertView> apply(Integration source, List<Signal> signals) {
        // One lock order for every request, so two requests with the same keys cannot deadlock each other.
        List<Signal> ordered = signals.stream().sorted(Comparator.comparing(Signal::dedupKey)).toList();
        // Repeats answered before this request are applied before it, and none of these alerts is journalled until
        // it is seen firing again.
        journal.forget(source.name(), ordered);
        journal.settle();
        Map<String, AlertView> touched = retried(() -> lifecycle.apply(source, ordered));
        touched.values().stream().filter(a -> a.status() == AlertStatus.FIRING && a.incident() != null)
                .forEach(a -> journal.remember(a.integration(), a.dedupKey(), a.labels()));
        return signals.stream().map(s -> touched.get(s.dedupKey())).filter(Objects::nonNull).toList();
    }

    /** Opens the incidents of alerts still firing whose silence has ended; returns how many. */
    public int releaseEndedSilences() {
        List<AlertView> held = alerts.suppressedByEndedSilences(clock.instant());
        for (AlertView alert : held) {
            Integration source = integrations.get(alert.integration());
            retried(() -> {
                Optional.ofNullable(alerts.lockAll(alert.integration(), List.of(alert.dedupKey())).get(alert.dedupKey()))
                        .filter(a -> a.status() == AlertStatus.SUPPRESSED && Objects.equals(a.silence(), alert.silence()))
                        .ifPresent(a -> lifecycle.release(source, a));
                return Map.of();
            });
        }
        return held.size();
    }

    /** The groups of alerts an incident holds, with counts, and its alerts (at most 1,000, most recently seen first). */
    public IncidentAlerts ofIncident(IncidentId incident) {
        return ofIncident(incident, INCIDENT_ALERTS);
    }

    /** The same with at most {@code shown} alerts (the groups still count them all). */
    public IncidentAlerts ofIncident(IncidentId incident, int shown) {
        journal.settle();
        return new IncidentAlerts(incident, alertGroups.ofIncident(incident), alerts.recentOfIncident(incident, shown));
    }

    /**
     * Gives a group that a storm incident took in an incident of its own, opened as it would have been without the
     * storm (and paged as such); its alerts move with it, and both timelines say who split it out.
     */
    public IncidentId split(IncidentId stormIncident, long group, String actor) {
        return Objects.requireNonNull(tx.execute(status -> {
            AlertGroups.Group found = alertGroups.lock(group)
                    .filter(g -> stormIncident.equals(g.incident()))
                    .orElseThrow(() -> new AlertGroupNotFound(stormIncident, group));
            if (!found.absorbed()) {
                throw new AlertGroupNotFound(stormIncident, group);
            }
            return lifecycle.split(integrations.get(found.integration()), found, stormIncident, actor);
        }));
    }

    public List<AlertView> list(@Nullable String integration, @Nullable AlertStatus status) {
        journal.settle();
        return alerts.list(integration, status, LIST_LIMIT);
    }

    public Optional<AlertView> find(String integration, String dedupKey) {
        journal.settle();
        return alerts.find(integration, dedupKey);
    }

    private Map<String, AlertView> retried(java.util.function.Supplier<Map<String, AlertView>> work) {
        return Retried.inTransaction(tx, work);
    }

    private Integration integration(String name, IntegrationKind kind) {
        Integration integration = integrations.get(name);
        if (integration == null || integration.kind() != kind) {
            throw new IntegrationNotFound(name, kind);
        }
        return integration;
    }
}
