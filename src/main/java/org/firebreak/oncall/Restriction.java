package org.firebreak.oncall;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * When a layer has someone: on these days, between these times of day in the schedule's zone. {@code from} after
 * {@code to} runs past midnight into the next day (it belongs to the day it starts); equal times mean the whole day.
 * Days default to every day, times to the whole day.
 */
record Restriction(@Nullable List<DayOfWeek> days, @Nullable String from, @Nullable String to) {

    Restriction {
        days = days == null || days.isEmpty() ? List.of(DayOfWeek.values()) : List.copyOf(days);
        ConfigValues.timeOfDay("from", from, "00:00");
        ConfigValues.timeOfDay("to", to, "00:00");
    }

    /** The window of this restriction that contains {@code at}, if any. */
    Optional<Window> windowAt(Instant at, ZoneId zone) {
        Set<DayOfWeek> on = EnumSet.copyOf(days);
        LocalTime start = ConfigValues.timeOfDay("from", from, "00:00");
        LocalTime end = ConfigValues.timeOfDay("to", to, "00:00");
        ZonedDateTime local = at.atZone(zone);
        LocalDate today = local.toLocalDate();
        LocalTime now = local.toLocalTime();
        if (start.equals(end)) {
            return on.contains(today.getDayOfWeek())
                    ? Optional.of(new Window(instant(today, LocalTime.MIDNIGHT, zone), instant(today.plusDays(1), LocalTime.MIDNIGHT, zone)))
                    : Optional.empty();
        }
        if (start.isBefore(end)) {
            return on.contains(today.getDayOfWeek()) && !now.isBefore(start) && now.isBefore(end)
                    ? Optional.of(new Window(instant(today, start, zone), instant(today, end, zone)))
                    : Optional.empty();
        }
        if (on.contains(today.getDayOfWeek()) && !now.isBefore(start)) {
            return Optional.of(new Window(instant(today, start, zone), instant(today.plusDays(1), end, zone)));
        }
        LocalDate yesterday = today.minusDays(1);
        if (on.contains(yesterday.getDayOfWeek()) && now.isBefore(end)) {
            return Optional.of(new Window(instant(yesterday, start, zone), instant(today, end, zone)));
        }
        return Optional.empty();
    }

    private static Instant instant(LocalDate date, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    record Window(Instant from, Instant until) {
    }
}
