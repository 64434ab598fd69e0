package org.firebreak.oncall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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

    private final OnCallCatalog catalog;
    private final Overrides overrides;
    private final Clock clock;

    OnCallApi(OnCallCatalog catalog, Overrides overrides, Clock clock) {
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
        return overrides.get(overrides.insert(id, override, actor, now));
    }

    /** The person a schedule has on call at {@code at}, for paging. */
    Optional<Person> personOnCall(String scheduleId, Instant at) {
        return known(scheduleId).onCallAt(at, overrides.covering(scheduleId, at)).flatMap(s -> catalog.person(s.person()));
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

    private Schedule known(String id) {
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
