package org.firebreak.oncall;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.firebreak.shared.ConfigProblem;
import org.jspecify.annotations.Nullable;

/**
 * A level's condition on the local time of the person it would page: {@code when: { localHours: "08:00-20:00" }}
 * (the level pages only within those hours) or {@code outside: { localHours: "08:00-20:00" }} (only outside them).
 * A window whose start is after its end runs past midnight ({@code "20:00-08:00"}); the start belongs to it, the
 * end does not. Local time is the wall clock of the person's zone at that instant ({@link java.time.ZonedDateTime}),
 * so "08:00" stays 08:00 across a daylight-saving change.
 *
 * @param localHours {@code HH:mm-HH:mm}
 */
public record LocalHours(String localHours) {

    private static final Pattern HOURS = Pattern.compile("\\s*(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public LocalHours {
        ConfigProblem.required("localHours", localHours);
        Matcher m = HOURS.matcher(localHours);
        if (!m.matches()) {
            throw new ConfigProblem("localHours", "'" + localHours + "' is not a window of local hours such as 08:00-20:00");
        }
        LocalTime from = time(m.group(1), localHours);
        LocalTime to = time(m.group(2), localHours);
        if (from.equals(to)) {
            throw new ConfigProblem("localHours", "'" + localHours + "' starts and ends at the same time; give a window"
                    + " such as 08:00-20:00 (20:00-08:00 runs past midnight)");
        }
        localHours = HH_MM.format(from) + "-" + HH_MM.format(to);
    }

    LocalTime from() {
        return LocalTime.parse(localHours.substring(0, 5));
    }

    LocalTime to() {
        return LocalTime.parse(localHours.substring(6));
    }

    /** Whether the wall clock in {@code zone} at {@code at} falls within the window. */
    boolean contains(Instant at, ZoneId zone) {
        LocalTime local = at.atZone(zone).toLocalTime();
        LocalTime from = from();
        LocalTime to = to();
        return from.isBefore(to) ? !local.isBefore(from) && local.isBefore(to)
                : !local.isBefore(from) || local.isBefore(to);
    }

    /**
     * Why a level with these conditions does not page {@code person} at {@code at} in {@code zone}, e.g.
     * {@code 02:13 at alice's (Europe/Berlin) is outside 08:00-20:00}; null when it does.
     */
    static @Nullable String refusal(@Nullable LocalHours when, @Nullable LocalHours outside, String person, Instant at,
            ZoneId zone) {
        String local = HH_MM.format(at.atZone(zone)) + " at " + person + "'s (" + zone.getId() + ")";
        if (when != null && !when.contains(at, zone)) {
            return local + " is outside " + when.localHours();
        }
        if (outside != null && outside.contains(at, zone)) {
            return local + " is within " + outside.localHours() + ", when this level does not page";
        }
        return null;
    }

    private static LocalTime time(String text, String whole) {
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ConfigProblem("localHours", "'" + whole + "' is not a window of local hours such as 08:00-20:00: '"
                    + text + "' is not a time of day");
        }
    }
}
