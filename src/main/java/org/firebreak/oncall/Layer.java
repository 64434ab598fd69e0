package org.firebreak.oncall;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.firebreak.shared.ConfigProblem;
import org.jspecify.annotations.Nullable;

/**
 * One rotation of a schedule: its participants take turns, each for a day or a week, handing off at a time of day
 * in the schedule's zone. Hand-offs are in local time, so across a daylight-saving change a shift is an hour longer
 * or shorter, and the hand-off stays at, say, 09:00.
 *
 * @param name how the timeline and the API name the layer
 * @param rotation DAILY or WEEKLY
 * @param handoff the time of day of each hand-off, e.g. {@code 09:00}
 * @param start the date of the first hand-off (the first participant's shift starts then); weekly hand-offs fall on
 *        its day of the week
 * @param end the date of the last hand-off, after which the layer has no one (optional)
 * @param participants person ids, in turn order
 * @param restrictions when the layer has someone (optional: always); outside them lower layers decide
 */
record Layer(@Nullable String name, Rotation rotation, String handoff, LocalDate start, @Nullable LocalDate end,
        List<String> participants, @Nullable List<Restriction> restrictions) {

    enum Rotation {
        DAILY(1), WEEKLY(7);

        final int days;

        Rotation(int days) {
            this.days = days;
        }
    }

    Layer {
        ConfigProblem.required("rotation", rotation);
        ConfigProblem.required("start", start);
        ConfigValues.timeOfDay("handoff", ConfigProblem.required("handoff", handoff), "");
        if (participants == null || participants.isEmpty()) {
            throw new ConfigProblem("participants", "give at least one person id");
        }
        participants = List.copyOf(participants);
        restrictions = restrictions == null ? List.of() : List.copyOf(restrictions);
        if (end != null && !end.isAfter(start)) {
            throw new ConfigProblem("end", "must be after start (" + start + ")");
        }
    }

    String label(int index) {
        return name != null && !name.isBlank() ? name : "layer " + (index + 1);
    }

    /** Who this layer has on call at {@code at}, if anyone: before its start, after its end and outside its restrictions, no one. */
    Optional<Shift> shiftAt(Instant at, ZoneId zone, String label) {
        long turn = Math.floorDiv(ChronoUnit.DAYS.between(start, at.atZone(zone).toLocalDate()), rotation.days);
        if (at.isBefore(handoffOf(turn, zone))) {
            turn--;
        }
        if (turn < 0) {
            return Optional.empty();
        }
        Instant from = handoffOf(turn, zone);
        Instant until = handoffOf(turn + 1, zone);
        if (end != null) {
            Instant last = ZonedDateTime.of(end, handoffTime(), zone).toInstant();
            if (!at.isBefore(last)) {
                return Optional.empty();
            }
            until = min(until, last);
        }
        if (!restrictions().isEmpty()) {
            Optional<Restriction.Window> window = restrictions().stream().flatMap(r -> r.windowAt(at, zone).stream())
                    .findFirst();
            if (window.isEmpty()) {
                return Optional.empty();
            }
            from = max(from, window.get().from());
            until = min(until, window.get().until());
        }
        String person = participants.get((int) Math.floorMod(turn, (long) participants.size()));
        return Optional.of(new Shift(person, from, until, "layer '" + label + "'"));
    }

    private Instant handoffOf(long turn, ZoneId zone) {
        return ZonedDateTime.of(start.plusDays(turn * rotation.days), handoffTime(), zone).toInstant();
    }

    private LocalTime handoffTime() {
        return ConfigValues.timeOfDay("handoff", handoff, "");
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
