package org.firebreak.oncall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Who is on call: the schedules in force, who each has on call at any instant, and overrides added at run time.
 * Schedules come from the on-call file (read at start-up); overrides added here are stored and win over the file.
 */
@Service
public class OnCallApi {

    /** The longest override accepted at once. */
    static final Duration LONGEST_OVERRIDE = Duration.ofDays(90);

    /** How often {@link #rota} looks at a schedule at least; a stretch shorter than this may go unseen. */
    public static final Duration ROTA_STEP = Duration.ofMinutes(15);

    /** The longest period {@link #rota} answers for at once. */
    public static final Duration LONGEST_ROTA = Duration.ofDays(31);

    private final OnCallCatalog catalog;
    private final Overrides overrides;
    private final Clock clock;
    private final ShiftChanges changes;

    OnCallApi(OnCallCatalog catalog, Overrides overrides, Clock clock, ShiftChanges changes) {
        this.changes = changes;
        this.catalog = catalog;
        this.overrides = overrides;
        this.clock = clock;
    }

    public List<Person> people() {
        return catalog.people();
    }

    public List<ScheduleView> schedules() {
        Instant now = clock.instant();
        return catalog.schedules().stream().map(s -> view(s, now)).toList();
    }

    public ScheduleView schedule(String id) {
        return view(known(id), clock.instant());
    }

    /** Who schedule {@code id} has on call at {@code at}. */
    public OnCallView onCall(String id, Instant at) {
        Schedule schedule = known(id);
        return onCall(schedule, at);
    }

    public OnCallView onCallNow(String id) {
        return onCall(known(id), clock.instant());
    }

    /** Who every schedule has on call now. */
    public List<OnCallView> now() {
        Instant now = clock.instant();
        return catalog.schedules().stream().map(s -> onCall(s, now)).toList();
    }

    /**
     * Every policy's escalation path as it stands now: per level, who would be paged (a schedule's person on call
     * now, or the level's people), so that a responder knows whom to escalate to without reading the file.
     */
    public List<PathNow> escalationPathsNow() {
        Instant now = clock.instant();
        List<PathNow> paths = new ArrayList<>();
        for (EscalationPolicy policy : catalog.policies()) {
            List<LevelNow> levels = new ArrayList<>();
            for (int i = 0; i < policy.levels().size(); i++) {
                EscalationPolicy.Level level = policy.levels().get(i);
                Optional<Schedule> schedule = level.schedule() == null ? Optional.empty()
                        : catalog.schedule(level.schedule());
                if (schedule.isPresent()) {
                    OnCallView on = onCall(schedule.get(), now);
                    levels.add(new LevelNow(i + 1, level.name(), people(on), on.schedule(),
                            on.scheduleName() == null ? on.schedule() : on.scheduleName(),
                            on.shift() == null ? null : on.shift().until()));
                } else {
                    levels.add(new LevelNow(i + 1, level.name(), targets(level, now), null, null, null));
                }
            }
            paths.add(new PathNow(policy.id(), policy.name(), policy.components(), levels));
        }
        return paths;
    }

    /**
     * Who a level reaches at {@code at}: its schedule's on-call person, or its people still in the on-call file. What
     * the pager pages and what the escalation path shows.
     */
    List<Person> targets(EscalationPolicy.Level level, Instant at) {
        if (level.schedule() != null) {
            return catalog.schedule(level.schedule()).map(s -> people(onCall(s, at))).orElse(List.of());
        }
        return level.people().stream().flatMap(id -> catalog.person(id).stream()).toList();
    }

    private static List<Person> people(OnCallView on) {
        return on.person() == null ? List.of() : List.of(on.person());
    }

    /** A policy's levels now. {@code components} empty: the policy takes every incident no other claims. */
    public record PathNow(String policy, String name, List<String> components, List<LevelNow> levels) {
    }

    /**
     * One level now: {@code people} empty when its schedule has nobody on call; {@code schedule} (id and name) and
     * {@code until} (the end of the current shift) only for a level that pages a schedule.
     */
    public record LevelNow(int level, String name, List<Person> people, @Nullable String schedule,
            @Nullable String scheduleName, @Nullable Instant until) {
    }

    /** The escalation policies, in the order the on-call file gives them (the first claiming a component wins). */
    public List<EscalationPolicy> policies() {
        return catalog.policies();
    }

    /**
     * Who schedule {@code id} has on call over [from, until), one stretch per person in order, each cut to the
     * period; a stretch ends where someone else takes over (a hand-off, an override, a higher layer's window) and a
     * time with nobody on call is left out. Changes are found to the minute, looking at least every
     * {@link #ROTA_STEP}; the period is at most {@link #LONGEST_ROTA}.
     */
    public List<Shift> rota(String id, Instant from, Instant until) {
        Schedule schedule = known(id);
        if (!until.isAfter(from) || Duration.between(from, until).compareTo(LONGEST_ROTA) > 0) {
            throw new InvalidOnCallInput("until", "must be after from and at most " + LONGEST_ROTA.toDays()
                    + " days after it");
        }
        return shifts(schedule, from, until);
    }

    /** {@link #rota} for any length of time: what the calendar feeds show. */
    List<Shift> shifts(Schedule schedule, Instant from, Instant until) {
        List<OverrideView> stored = overrides.endingAfter(schedule.id(), from);
        Function<Instant, Optional<Shift>> at = t -> schedule.onCallAt(t, stored);
        List<Shift> rota = new ArrayList<>();
        Instant start = from;
        Optional<Shift> current = at.apply(from);
        Instant t = from;
        while (t.isBefore(until)) {
            Instant next = t.plus(ROTA_STEP);
            if (current.isPresent() && current.get().until().isAfter(t) && current.get().until().isBefore(next)) {
                next = current.get().until();
            }
            next = next.isAfter(until) ? until : next;
            Optional<Shift> there = at.apply(next);
            if (samePerson(current, there)) {
                t = next;
                continue;
            }
            Instant before = t;
            Instant change = next;
            while (Duration.between(before, change).compareTo(Duration.ofMinutes(1)) > 0) {
                Instant middle = before.plus(Duration.between(before, change).dividedBy(2)).truncatedTo(ChronoUnit.MINUTES);
                if (!middle.isAfter(before)) {
                    break;
                }
                if (samePerson(current, at.apply(middle))) {
                    before = middle;
                } else {
                    change = middle;
                }
            }
            Instant changed = change;
            Instant began = start;
            current.ifPresent(s -> rota.add(new Shift(s.person(), began, changed, s.source())));
            current = at.apply(change);
            start = change;
            t = change;
        }
        Instant begun = start;
        if (begun.isBefore(until)) {
            current.ifPresent(s -> rota.add(new Shift(s.person(), begun, until, s.source())));
        }
        return rota;
    }

    private static boolean samePerson(Optional<Shift> a, Optional<Shift> b) {
        return a.map(Shift::person).equals(b.map(Shift::person));
    }

    /** Stores an override: {@code person} covers schedule {@code id} from {@code from} until {@code until}. */
    public OverrideView addOverride(String id, NewOverride override, String actor) {
        known(id);
        if (catalog.person(override.person()).isEmpty()) {
            throw new InvalidOnCallInput("person", "no person '" + override.person() + "'; known: "
                    + String.join(", ", catalog.people().stream().map(Person::id).toList()));
        }
        if (!override.until().isAfter(override.from())) {
            throw new InvalidOnCallInput("until", "must be after from (" + override.from() + ")");
        }
        Instant now = clock.instant();
        if (!override.until().isAfter(now)) {
            throw new InvalidOnCallInput("until", "is in the past (now is " + now + ")");
        }
        if (Duration.between(override.from(), override.until()).compareTo(LONGEST_OVERRIDE) > 0) {
            throw new InvalidOnCallInput("until", "an override lasts at most " + LONGEST_OVERRIDE.toDays() + " days");
        }
        Schedule schedule = known(id);
        Instant from = override.from().isBefore(now) ? now : override.from();
        List<Shift> before = shifts(schedule, from.minus(ShiftChanges.AROUND), override.until().plus(ShiftChanges.AROUND));
        OverrideView stored = overrides.get(overrides.insert(id, override, actor, now));
        List<Shift> after = shifts(schedule, from.minus(ShiftChanges.AROUND), override.until().plus(ShiftChanges.AROUND));
        changes.tell(schedule, before, after, "override #" + stored.id() + " by " + actor
                + (stored.reason() == null || stored.reason().isBlank() ? "" : " (" + stored.reason() + ")"),
                "override:" + stored.id());
        return stored;
    }

    private OnCallView onCall(Schedule schedule, Instant at) {
        Optional<Shift> shift = schedule.onCallAt(at, overrides.covering(schedule.id(), at));
        return new OnCallView(schedule.id(), schedule.name(), at, shift.flatMap(s -> catalog.person(s.person())).orElse(null),
                shift.orElse(null));
    }

    private ScheduleView view(Schedule s, Instant now) {
        List<ScheduleView.LayerView> layers = new java.util.ArrayList<>();
        for (int i = 0; i < s.layers().size(); i++) {
            Layer l = s.layers().get(i);
            layers.add(new ScheduleView.LayerView(l.label(i), l.rotation().name(), l.handoff(), l.start(), l.end(),
                    l.participants(), l.restrictions() == null ? List.of() : l.restrictions().stream()
                            .map(r -> new ScheduleView.RestrictionView(r.days(), r.from(), r.to())).toList()));
        }
        return new ScheduleView(s.id(), s.name(), s.timeZone(), layers, onCall(s, now), overrides.endingAfter(s.id(), now));
    }

    /** Who schedule {@code schedule} has on call at {@code at}, stored overrides included. */
    Optional<Shift> shiftAt(Schedule schedule, Instant at) {
        return schedule.onCallAt(at, overrides.covering(schedule.id(), at));
    }

    Schedule known(String id) {
        return catalog.schedule(id).orElseThrow(() -> new ScheduleNotFound(id, catalog.schedules().stream()
                .map(Schedule::id).toList()));
    }

    /** Who a schedule has on call at an instant. */
    public record OnCallView(String schedule, @Nullable String scheduleName, Instant at, @Nullable Person person,
            @Nullable Shift shift) {
    }

    /** A schedule as the API shows it, with who is on call now and the stored overrides still to come or running. */
    public record ScheduleView(String id, @Nullable String name, String timeZone, List<LayerView> layers,
            OnCallView now, List<OverrideView> overrides) {

        public record LayerView(String name, String rotation, String handoff, LocalDate start, @Nullable LocalDate end,
                List<String> participants, List<RestrictionView> restrictions) {
        }

        public record RestrictionView(@Nullable List<java.time.DayOfWeek> days, @Nullable String from,
                @Nullable String to) {
        }
    }
}
