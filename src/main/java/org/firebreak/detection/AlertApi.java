package org.firebreak.detection;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.firebreak.detection.DetectionSettings.Integration;
import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.incident.InvalidIncidentInput;
import org.firebreak.incident.OpenIncident;
import org.firebreak.shared.IncidentType;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes signals from external senders in: each becomes an alert, deduplicated by key per integration, and a
 * firing alert with a new key opens an incident. Resolving an alert notes it on the incident and leaves the
 * incident for a human. One request's signals are applied in one transaction, so a rejected request writes
 * nothing; when a concurrent request claimed the same key first, the whole request is replayed against the
 * fresh state.
 */
@Service
public class AlertApi {

    private static final int ATTEMPTS = 10;
    private static final int LIST_LIMIT = 200;

    private final Map<String, Integration> integrations;
    private final Alerts alerts;
    private final IncidentApi incidents;
    private final TransactionTemplate tx;
    private final Clock clock;

    AlertApi(DetectionSettings settings, Alerts alerts, IncidentApi incidents, TransactionTemplate tx, Clock clock) {
        this.integrations = settings.integrations().stream()
                .collect(Collectors.toUnmodifiableMap(Integration::name, Function.identity()));
        this.alerts = alerts;
        this.incidents = incidents;
        this.tx = tx;
        this.clock = clock;
    }

    /** Checks the presented secret in constant time; throws unless it is the integration's. */
    public void authenticate(String integration, IntegrationKind kind, @Nullable String secret, String where) {
        if (!integration(integration, kind).accepts(secret)) {
            throw new SecretRejected(integration, where);
        }
    }

    /** Applies an authenticated sender's signals; returns the alerts they touched, in the signals' order. */
    public List<AlertView> receive(String integration, IntegrationKind kind, List<Signal> signals) {
        Integration source = integration(integration, kind);
        // One lock order for every request, so two requests with the same keys cannot deadlock each other.
        List<Signal> ordered = signals.stream().sorted(Comparator.comparing(Signal::dedupKey)).toList();
        for (int attempt = 1;; attempt++) {
            try {
                Map<String, AlertView> touched = Objects.requireNonNull(tx.execute(status -> apply(source, ordered)));
                return signals.stream().map(s -> touched.get(s.dedupKey())).filter(Objects::nonNull).toList();
            } catch (DuplicateKeyException | ConcurrencyFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    public List<AlertView> list(@Nullable String integration, @Nullable AlertStatus status) {
        return alerts.list(integration, status, LIST_LIMIT);
    }

    public Optional<AlertView> find(String integration, String dedupKey) {
        return alerts.find(integration, dedupKey);
    }

    private Map<String, AlertView> apply(Integration source, List<Signal> signals) {
        Map<String, AlertView> touched = new java.util.LinkedHashMap<>();
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

    /** A new key: claim it (the unique key makes a concurrent twin fail here), then open its incident. */
    private AlertView first(Integration source, Signal signal) {
        Instant now = now();
        AlertView claimed = new AlertView(source.name(), signal.dedupKey(), AlertStatus.FIRING, signal.title(), null, 1,
                now, now, null, signal.labels());
        alerts.insert(claimed);
        return linkNewIncident(source, claimed, signal, "Opened from");
    }

    private AlertView repeat(Integration source, AlertView alert, Signal signal) {
        Instant now = now();
        if (alert.status() == AlertStatus.FIRING) {
            return save(with(alert, AlertStatus.FIRING, alert.incident(), alert.count() + 1, now, null, signal.labels()));
        }
        AlertView firing = with(alert, AlertStatus.FIRING, alert.incident(), alert.count() + 1, now, null, signal.labels());
        if (alert.incident() != null && incidents.get(alert.incident()).status().isOpen()) {
            save(firing);
            incidents.addNote(alert.incident(), "Alert " + describe(source, alert) + " fires again (seen "
                    + firing.count() + " times): " + signal.source(), actor(source));
            return firing;
        }
        // The incident it belonged to was resolved by a human: this is new trouble, so it gets its own incident.
        return linkNewIncident(source, save(firing), signal, "Fired again after " + alert.incident() + " ended; opened from");
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
        AlertView resolved = save(with(alert, AlertStatus.RESOLVED, alert.incident(), alert.count(), now, now,
                alert.labels()));
        if (alert.incident() != null) {
            IncidentStatus status = incidents.get(alert.incident()).status();
            incidents.addNote(alert.incident(), "Alert " + describe(source, alert) + " resolved at the source after "
                    + alert.count() + " reports; the incident stays " + status + " for a human to resolve",
                    actor(source));
        }
        return resolved;
    }

    private AlertView linkNewIncident(Integration source, AlertView alert, Signal signal, String how) {
        IncidentId id = open(source, signal);
        AlertView linked = save(with(alert, alert.status(), id, alert.count(), alert.lastSeenAt(), null, alert.labels()));
        incidents.addNote(id, how + " " + describe(source, alert) + ": " + signal.source(), actor(source));
        return linked;
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
                signal.severity() != null ? signal.severity() : source.defaultSeverity(), null,
                type == null ? null : type.name(), signal.components(), null, null, detected);
    }

    /** Microseconds, what both stores keep, so an answer shows the same time as a later read. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private AlertView save(AlertView alert) {
        alerts.update(alert);
        return alert;
    }

    private static AlertView with(AlertView a, AlertStatus status, @Nullable IncidentId incident, long count,
            Instant lastSeen, @Nullable Instant resolvedAt, Map<String, String> labels) {
        return new AlertView(a.integration(), a.dedupKey(), status, a.title(), incident, count, a.firstSeenAt(),
                lastSeen, resolvedAt, labels);
    }

    private static String describe(Integration source, AlertView alert) {
        return "'" + alert.dedupKey() + "' of " + source.kind().name().toLowerCase(Locale.ROOT) + " integration '"
                + source.name() + "'";
    }

    private static String actor(Integration source) {
        return "integration:" + source.name();
    }

    private Integration integration(String name, IntegrationKind kind) {
        Integration integration = integrations.get(name);
        if (integration == null || integration.kind() != kind) {
            throw new IntegrationNotFound(name, kind);
        }
        return integration;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(10L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
