package org.firebreak.detection;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.firebreak.detection.DetectionSettings.Integration;
import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.InvalidIncidentInput;
import org.firebreak.incident.OpenIncident;
import org.firebreak.shared.IncidentType;
import org.firebreak.shared.Severity;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What one request's signals do to their alerts, inside the caller's transaction with the alerts' rows locked: a
 * repeat bumps the count; a new key (or one firing again after its incident ended) is held back by a silence, or
 * routed with the rest of its group: the group's open incident takes it in, or the group opens one (unless the
 * {@link StormGuard} says a storm is on, when the storm incident takes it in); an acknowledgement at the source
 * acknowledges the incident; a resolve resolves the alert, and the incident too once all its alerts are clear when the
 * rule or the integration says so (else it waits for a human). Each incident hears once per request what happened
 * to its alerts ({@link IncidentNews}), however many alerts the request carried.
 */
@Component
class AlertLifecycle {

    private final Alerts alerts;
    private final AlertGroups groups;
    private final StormGuard storm;
    private final IncidentApi incidents;
    private final SilenceApi silences;
    private final Clock clock;

    AlertLifecycle(Alerts alerts, AlertGroups groups, StormGuard storm, IncidentApi incidents, SilenceApi silences,
            Clock clock) {
        this.alerts = alerts;
        this.groups = groups;
        this.storm = storm;
        this.incidents = incidents;
        this.silences = silences;
        this.clock = clock;
    }

    /** A firing alert without an incident yet, with the signal that routes it and how it came to need one. */
    private record Unrouted(AlertView alert, Signal signal, String how) {
    }

    /** Applies the signals in their order; a key given twice is applied in rounds, each key once a round. */
    Map<String, AlertView> apply(Integration source, List<Signal> signals) {
        Map<String, AlertView> touched = new LinkedHashMap<>();
        List<Signal> round = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Signal signal : signals) {
            if (!keys.add(signal.dedupKey())) {
                touched.putAll(applyRound(source, round));
                round = new ArrayList<>();
                keys.clear();
                keys.add(signal.dedupKey());
            }
            round.add(signal);
        }
        touched.putAll(applyRound(source, round));
        return touched;
    }

    private Map<String, AlertView> applyRound(Integration source, List<Signal> signals) {
        Instant now = now();
        Map<String, AlertView> stored = alerts.lockAll(source.name(), signals.stream().map(Signal::dedupKey).toList());
        IncidentNews news = new IncidentNews(source, incidents, alerts, groups);
        List<Unrouted> unrouted = new ArrayList<>();
        Map<String, AlertView> touched = new LinkedHashMap<>();
        for (Signal signal : signals) {
            AlertView existing = stored.get(signal.dedupKey());
            AlertView after = switch (signal.action()) {
                case TRIGGER -> existing == null ? first(source, signal, now, unrouted)
                        : repeat(source, existing, signal, now, unrouted, news);
                case ACKNOWLEDGE -> existing == null ? null : acknowledge(existing, news);
                case RESOLVE -> existing == null ? null : resolve(source, existing, now, news);
            };
            if (after != null) {
                touched.put(after.dedupKey(), after);
            }
        }
        route(source, unrouted, now, news).forEach(a -> touched.put(a.dedupKey(), a));
        news.tell(now);
        return touched;
    }

    /** A new key: claim it (the unique key makes a concurrent twin fail here and retry), then route it. */
    private AlertView first(Integration source, Signal signal, Instant now, List<Unrouted> unrouted) {
        AlertView claimed = new AlertView(source.name(), signal.dedupKey(), AlertStatus.FIRING, signal.title(), null, 1,
                now, now, null, signal.labels(), groupLabel(signal), resolvesIncident(source, signal), null, null);
        alerts.insert(claimed);
        unrouted.add(new Unrouted(claimed, signal, "Opened from"));
        return claimed;
    }

    private AlertView repeat(Integration source, AlertView alert, Signal signal, Instant now, List<Unrouted> unrouted,
            IncidentNews news) {
        if (alert.status() == AlertStatus.SUPPRESSED && alert.silence() != null) {
            SilenceView silence = silences.get(alert.silence());
            if (silence.active()) {
                silences.recordSuppressed(silence.id(), alert);
                return save(alert.with(AlertStatus.SUPPRESSED, alert.incident(), alert.count() + 1, now, null,
                        signal.labels(), alert.silence()));
            }
            AlertView firing = save(alert.with(AlertStatus.FIRING, null, alert.count() + 1, now, null, signal.labels(), null));
            unrouted.add(new Unrouted(firing, signal, heldBack(silence) + "; still firing after it ended, so opened from"));
            return firing;
        }
        AlertView firing = save(alert.with(AlertStatus.FIRING, alert.incident(), alert.count() + 1, now, null,
                signal.labels(), null));
        if (alert.status() == AlertStatus.FIRING) {
            return firing;
        }
        if (alert.incident() != null && news.isOpen(alert.incident())) {
            news.firesAgain(alert.incident(), firing, signal);
            return firing;
        }
        // The incident it belonged to was resolved: this is new trouble, so it is routed anew.
        unrouted.add(new Unrouted(firing, signal, "Fired again after " + alert.incident() + " ended; opened from"));
        return firing;
    }

    private AlertView acknowledge(AlertView alert, IncidentNews news) {
        if (alert.incident() != null) {
            news.acknowledged(alert.incident(), alert);
        }
        return alert;
    }

    private AlertView resolve(Integration source, AlertView alert, Instant now, IncidentNews news) {
        if (alert.status() == AlertStatus.RESOLVED) {
            return alert;
        }
        AlertView resolved = save(alert.with(AlertStatus.RESOLVED, alert.incident(), alert.count(), now, now,
                alert.labels(), alert.silence()));
        if (alert.incident() != null && alert.status() != AlertStatus.SUPPRESSED) {
            news.resolved(alert.incident(), resolved, alert.resolvesIncident()
                    || source.autoResolve() == AutoResolve.INCIDENT);
        }
        return resolved;
    }

    /**
     * Routes firing alerts that need an incident: a silence holds one back, or its group takes it in. Groups are
     * locked in key order, and the storm guard only after every group, so concurrent requests cannot deadlock.
     */
    private List<AlertView> route(Integration source, List<Unrouted> unrouted, Instant now, IncidentNews news) {
        List<AlertView> routed = new ArrayList<>();
        List<SilenceView> active = unrouted.isEmpty() ? List.of() : silences.activeNow();
        Map<String, List<Unrouted>> byGroup = new TreeMap<>();
        for (Unrouted u : unrouted) {
            Optional<SilenceView> silence = SilenceApi.firstMatching(active, u.signal().labels(), u.signal().components());
            if (silence.isPresent()) {
                silences.recordSuppressed(silence.get().id(), u.alert());
                alerts.holdSignal(u.alert(), u.signal());
                routed.add(save(u.alert().with(AlertStatus.SUPPRESSED, u.alert().incident(), u.alert().count(),
                        u.alert().lastSeenAt(), null, u.alert().labels(), silence.get().id())));
            } else {
                byGroup.computeIfAbsent(groupKey(u.signal()), k -> new ArrayList<>()).add(u);
            }
        }
        Map<AlertGroups.Group, List<Unrouted>> withoutIncident = new LinkedHashMap<>();
        for (Map.Entry<String, List<Unrouted>> entry : byGroup.entrySet()) {
            Signal first = entry.getValue().getFirst().signal();
            AlertGroups.Group group = groups.claim(source.name(), entry.getKey(), groupName(first), first);
            if (group.incident() != null && news.isOpen(group.incident())) {
                routed.addAll(link(group, group.incident(), entry.getValue()));
                news.joined(group.incident(), group, entry.getValue().stream().map(Unrouted::alert).toList(), first);
            } else {
                withoutIncident.put(groups.renew(group, groupName(first), first), entry.getValue());
            }
        }
        withoutIncident.forEach((group, members) -> routed.addAll(openOrJoinStorm(source, group, members, now, news)));
        return routed;
    }

    private List<AlertView> openOrJoinStorm(Integration source, AlertGroups.Group group, List<Unrouted> members,
            Instant now, IncidentNews news) {
        Signal first = opening(source, members.stream().map(Unrouted::signal).toList());
        List<AlertView> members0 = members.stream().map(Unrouted::alert).toList();
        IncidentId id;
        switch (storm.decide(now)) {
            case StormGuard.Decision.Open open -> {
                id = open(source, first, titleOf(group, first, members.size()));
                storm.opened(id, false, now);
                groups.assign(group.id(), id, false, now);
                news.opened(id, group, members0, first, members.getFirst().how());
                return link(group, id, members);
            }
            case StormGuard.Decision.OpenStorm opening -> {
                id = open(source, stormSignal(source, first, opening.recent()), "Alert storm");
                storm.opened(id, true, now);
                news.stormOpened(id, opening.recent(), storm.limit());
            }
            case StormGuard.Decision.Join join -> {
                id = join.storm();
                storm.joined(now);
            }
        }
        groups.assign(group.id(), id, true, now);
        news.absorbed(id, group, members0, first, effectiveSeverity(source, first), storm.limit());
        return link(group, id, members);
    }

    /**
     * What a group's incident opens with: the first alert's words and type, the most severe severity of its alerts,
     * all their components, and the earliest start.
     */
    private static Signal opening(Integration source, List<Signal> members) {
        Signal first = members.getFirst();
        if (members.size() == 1) {
            return first;
        }
        Severity severity = members.stream().map(s -> effectiveSeverity(source, s)).reduce(Severity::mostSevere)
                .orElseThrow();
        List<String> components = members.stream().flatMap(s -> s.components().stream()).distinct().toList();
        IncidentType type = members.stream().map(Signal::type).filter(Objects::nonNull).findFirst().orElse(null);
        Instant started = members.stream().map(Signal::startedAt).filter(Objects::nonNull).min(Instant::compareTo)
                .orElse(null);
        String summary = clip(first.summary() + "\n\nWith " + counted(members.size() - 1, "more alert")
                + " of the group: " + String.join(", ",
                        members.stream().skip(1).limit(20).map(Signal::title).distinct().toList()), 4000);
        return new Signal(first.dedupKey(), first.action(), first.title(), summary, severity, type, first.criteria(),
                components, first.labels(), started, first.source(), first.group(), first.groupName(),
                first.resolvesIncident());
    }

    private List<AlertView> link(AlertGroups.Group group, IncidentId incident, List<Unrouted> members) {
        return members.stream().map(u -> save(u.alert().inGroup(group.id(), incident))).toList();
    }

    /**
     * An alert held back by a silence that has ended, still firing: it gets its incident now, from the signal kept
     * when it was held back (the sender will not repeat it just because a silence ended).
     */
    void release(Integration source, AlertView alert) {
        SilenceView silence = silences.get(Objects.requireNonNull(alert.silence()));
        Signal signal = alerts.heldSignal(alert);
        Instant now = now();
        IncidentNews news = new IncidentNews(source, incidents, alerts, groups);
        route(source, List.of(new Unrouted(alert.with(AlertStatus.FIRING, null, alert.count(), alert.lastSeenAt(), null,
                alert.labels(), null), signal, heldBack(silence) + "; still firing after it ended, so opened from")),
                now, news);
        news.tell(now);
    }

    /** Moves a group a storm incident took in to an incident of its own, as it would have opened without the storm. */
    IncidentId split(Integration source, AlertGroups.Group group, IncidentId stormIncident, String actor) {
        Signal first = groups.firstSignal(group.id());
        List<AlertView> members = alerts.ofIncident(stormIncident).stream()
                .filter(a -> Objects.equals(a.groupId(), group.id())).toList();
        Instant now = now();
        IncidentId id = open(source, first, titleOf(group, first, members.size()));
        groups.assign(group.id(), id, false, now);
        members.forEach(a -> save(a.with(a.status(), id, a.count(), a.lastSeenAt(), a.resolvedAt(), a.labels(),
                a.silence())));
        String splitOut = actor + " split group '" + group.name() + "' (" + counted(members.size(), "alert") + ") out";
        incidents.addNote(id, splitOut + " of the storm incident " + stormIncident + " into this incident", actor);
        incidents.addNote(stormIncident, splitOut + " into " + id, actor);
        IncidentNews news = new IncidentNews(source, incidents, alerts, groups);
        news.retitleStorm(stormIncident);
        news.tell(now);
        return id;
    }

    private static String heldBack(SilenceView silence) {
        return "Held back by " + silence.describe() + " " + silence.period();
    }

    /** Opens with the alert's type; a type without a playbook must not lose the alert, so it falls back. */
    private IncidentId open(Integration source, Signal signal, String title) {
        IncidentType type = signal.type() != null ? signal.type() : source.defaultType();
        try {
            return incidents.open(command(source, signal, type, title), actor(source)).id();
        } catch (InvalidIncidentInput e) {
            if (!"type".equals(e.field()) || type == null || type.equals(source.defaultType())) {
                throw e;
            }
            IncidentId id = incidents.open(command(source, signal, source.defaultType(), title), actor(source)).id();
            incidents.addNote(id, "The alert asked for type " + type + ", which has no playbook: " + e.getMessage(),
                    actor(source));
            return id;
        }
    }

    private OpenIncident command(Integration source, Signal signal, @Nullable IncidentType type, String title) {
        Instant now = now();
        Instant detected = signal.startedAt() == null || signal.startedAt().isAfter(now) ? now : signal.startedAt();
        return new OpenIncident(title, signal.summary(), effectiveSeverity(source, signal),
                signal.criteria().isEmpty() ? null : signal.criteria(), type == null ? null : type.name(),
                signal.components(), null, null, detected);
    }

    /** The storm incident's own opening: the severity and components of what set it off, in the storm's words. */
    private Signal stormSignal(Integration source, Signal first, long recent) {
        String summary = "Alert storm: " + recent + " incidents opened from alerts within "
                + storm.settings().window().toString().substring(2).toLowerCase(Locale.ROOT)
                + ", so the storm guard takes in what would open next here, and pages once. Each group taken in is"
                + " listed with its alerts; split one out to give it an incident of its own.";
        return new Signal("storm", SignalAction.TRIGGER, "Alert storm", summary, effectiveSeverity(source, first),
                null, List.of(), first.components(), Map.of(), null, "storm guard", null, null, false);
    }

    private static Severity effectiveSeverity(Integration source, Signal signal) {
        return signal.severity() != null ? signal.severity() : source.defaultSeverity();
    }

    /** A lone alert keeps its own title; a group says what it is and how many alerts it holds. */
    static String titleOf(AlertGroups.Group group, Signal first, long alerts) {
        if (group.key().startsWith(LONE) || alerts < 2) {
            return first.title();
        }
        return clip(group.name(), 180) + ": " + alerts + " alerts";
    }

    private static final String LONE = "alert:";

    private static String groupKey(Signal signal) {
        return signal.group() != null ? signal.group() : LONE + signal.dedupKey();
    }

    private static String groupName(Signal signal) {
        return clip(signal.groupName() != null ? signal.groupName() : signal.title(), 200);
    }

    private static @Nullable String groupLabel(Signal signal) {
        return signal.groupName() == null ? null : clip(signal.groupName(), 128);
    }

    private static boolean resolvesIncident(Integration source, Signal signal) {
        return signal.resolvesIncident() || source.autoResolve() == AutoResolve.INCIDENT;
    }

    /** "1 alert", "37 alerts": a count with its noun, for the timeline and titles. */
    static String counted(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
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
