package org.firebreak.oncall;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.firebreak.shared.ConfigProblem;
import org.firebreak.shared.Severity;
import org.jspecify.annotations.Nullable;

/**
 * The levels an unacknowledged incident climbs, one after another, and how long each waits for an acknowledgement.
 * Severities with an acknowledge timeout are paged; the others get a notice to the team during business hours.
 * Stored on the incident as a snapshot when its escalation starts, so an edited file never changes a running one.
 *
 * @param components the incidents it applies to, by affected component; a policy without components takes the rest
 * @param timeZone where business hours are reckoned
 * @param ackTimeout per severity: how long a level has to acknowledge before the next is paged (default CRITICAL 5m,
 *        HIGH 15m); a severity not listed is not paged
 * @param repeat how many more rounds from level 1 after the last level went unacknowledged (default 0)
 */
public record EscalationPolicy(String id, @Nullable String name, @Nullable List<String> components,
        @Nullable String timeZone, @Nullable BusinessHours businessHours, @Nullable Map<Severity, Duration> ackTimeout,
        @Nullable Integer repeat, List<Level> levels) {

    public EscalationPolicy {
        ConfigValues.id("policy", id);
        name = name == null || name.isBlank() ? id : name.strip();
        components = components == null ? List.of() : List.copyOf(components);
        timeZone = ConfigValues.zone("timeZone", timeZone).getId();
        businessHours = businessHours == null ? new BusinessHours(null, null, null) : businessHours;
        ackTimeout = ackTimeout == null
                ? Map.of(Severity.CRITICAL, Duration.ofMinutes(5), Severity.HIGH, Duration.ofMinutes(15))
                : Map.copyOf(ackTimeout);
        positive("ackTimeout", ackTimeout);
        repeat = repeat == null ? 0 : repeat;
        if (repeat < 0 || repeat > 10) {
            throw new ConfigProblem("repeat", "must be between 0 and 10");
        }
        if (levels == null || levels.isEmpty()) {
            throw new ConfigProblem("levels", "give at least one level");
        }
        levels = List.copyOf(levels);
    }

    /** Whether incidents of this severity are paged (otherwise they get a business-hours notice). */
    public boolean pages(Severity severity) {
        return ackTimeout().containsKey(severity);
    }

    /** How long level {@code level} (1-based) waits for an acknowledgement at this severity. */
    public Optional<Duration> timeout(int level, Severity severity) {
        if (!pages(severity)) {
            return Optional.empty();
        }
        Map<Severity, Duration> own = levels.get(level - 1).ackTimeout();
        return Optional.of(own != null && own.containsKey(severity) ? own.get(severity) : ackTimeout().get(severity));
    }

    public Level level(int level) {
        return levels.get(level - 1);
    }

    ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    static void positive(String field, @Nullable Map<Severity, Duration> timeouts) {
        if (timeouts == null) {
            return;
        }
        timeouts.forEach((severity, timeout) -> {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new ConfigProblem(field, severity + " must be a positive duration such as 5m");
            }
        });
    }

    /**
     * One step of the path: who it pages (a schedule's on-call person, or named people) and what they are there
     * for. Exactly one of {@code schedule} and {@code people}.
     *
     * @param ackTimeout per severity, overriding the policy's for this level
     * @param when the level pages a person only within these local hours of theirs; otherwise it is passed over
     * @param outside the level pages a person only outside these local hours of theirs
     */
    public record Level(String name, @Nullable List<String> duties, @Nullable String schedule,
            @Nullable List<String> people, @Nullable Map<Severity, Duration> ackTimeout, @Nullable LocalHours when,
            @Nullable LocalHours outside) {

        /** A level that pages at any hour. */
        public Level(String name, @Nullable List<String> duties, @Nullable String schedule,
                @Nullable List<String> people, @Nullable Map<Severity, Duration> ackTimeout) {
            this(name, duties, schedule, people, ackTimeout, null, null);
        }

        public Level {
            ConfigProblem.required("name", name);
            duties = duties == null ? List.of() : List.copyOf(duties);
            boolean hasPeople = people != null && !people.isEmpty();
            if ((schedule == null || schedule.isBlank()) == !hasPeople) {
                throw new ConfigProblem(hasPeople ? "schedule" : "people",
                        "give exactly one target: schedule (its on-call person) or people (a list of person ids)");
            }
            people = hasPeople ? List.copyOf(people) : List.of();
            ackTimeout = ackTimeout == null ? Map.of() : Map.copyOf(ackTimeout);
            positive("ackTimeout", ackTimeout);
        }

        /** {@code schedule 'primary'} or {@code bob, carol}. */
        public String targetText() {
            return schedule != null ? "schedule '" + schedule + "'" : String.join(", ", people());
        }

        /** {@code  (their local 08:00-20:00 only)}, or nothing for a level that pages at any hour. */
        String hoursText() {
            return (when == null ? "" : " (their local " + when.localHours() + " only)")
                    + (outside == null ? "" : " (outside their local " + outside.localHours() + " only)");
        }

        /**
         * Why this level does not page {@code person} at {@code at}, reckoned on their local clock in {@code zone};
         * null when it does (always, for a level without local hours).
         */
        @Nullable
        String passesOver(Person person, ZoneId zone, Instant at) {
            return LocalHours.refusal(when, outside, person.id(), at, zone);
        }
    }

    /** When the team may be told about incidents that do not page: days and hours in the policy's zone (default Mon–Fri 09:00–17:00). */
    public record BusinessHours(@Nullable List<DayOfWeek> days, @Nullable String from, @Nullable String to) {

        public BusinessHours {
            days = days == null || days.isEmpty()
                    ? List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                    : List.copyOf(days);
            from = ConfigValues.timeOfDay("from", from, "09:00").toString();
            to = ConfigValues.timeOfDay("to", to, "17:00").toString();
            if (!ConfigValues.timeOfDay("to", to, "").isAfter(ConfigValues.timeOfDay("from", from, ""))) {
                throw new ConfigProblem("to", "must be after from (" + from + ")");
            }
        }

        /** {@code at} itself when it falls within business hours, otherwise the next time they start. */
        Instant nextOpen(Instant at, ZoneId zone) {
            LocalDate day = at.atZone(zone).toLocalDate();
            for (int i = 0; i <= 7; i++, day = day.plusDays(1)) {
                if (!days().contains(day.getDayOfWeek())) {
                    continue;
                }
                Instant open = ZonedDateTime.of(day, ConfigValues.timeOfDay("from", from, ""), zone).toInstant();
                Instant close = ZonedDateTime.of(day, ConfigValues.timeOfDay("to", to, ""), zone).toInstant();
                if (at.isBefore(close)) {
                    return at.isBefore(open) ? open : at;
                }
            }
            throw new IllegalStateException("business hours on no day of the week");
        }
    }
}
