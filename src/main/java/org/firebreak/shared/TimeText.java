package org.firebreak.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The one way Firebreak writes times and durations, in notifications, the console, the CLI, reviews and exports.
 * <ul>
 * <li>An instant in UTC: {@code 2026-11-25 03:00:09Z} ({@link #at}), to the minute {@code 2026-11-25 03:00Z}
 * ({@link #minute}), the time of day {@code 03:00:09Z} ({@link #clock}).</li>
 * <li>A duration ({@link #duration}): {@code 200ms}, {@code 1.5s}, {@code 37s}, {@code 5m}, {@code 1m 30s},
 * {@code 1h 04m 09s}, {@code 2h}, {@code 3d 04h 05m}: the largest unit first, the smaller ones two digits wide,
 * trailing zero parts left out, seconds left out from a day on, {@code -} before a negative one.</li>
 * <li>How long ago, in the same units at a glance's precision ({@link #ago}): {@code 40s}, {@code 12m},
 * {@code 3h 05m}, {@code 2d 04h}.</li>
 * </ul>
 */
public final class TimeText {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private TimeText() {
    }

    /** {@code 2026-11-25 03:00:09Z}. */
    public static String at(Instant at) {
        return AT.format(at);
    }

    /** As {@link #at(Instant)}, {@code -} for none. */
    public static String atOrDash(@Nullable Instant at) {
        return at == null ? "-" : at(at);
    }

    /** To the minute, {@code 2026-11-25 03:00Z}, for lists where seconds are noise; {@code -} for none. */
    public static String minute(@Nullable Instant at) {
        return at == null ? "-" : MINUTE.format(at);
    }

    /** The time of day only, {@code 03:00:09Z}, for a timeline where the date rarely changes; {@code -} for none. */
    public static String clock(@Nullable Instant at) {
        return at == null ? "-" : CLOCK.format(at);
    }

    /** The duration as the class comment shows. */
    public static String duration(Duration d) {
        String sign = d.isNegative() ? "-" : "";
        Duration a = d.abs();
        long millis = a.toMillis();
        if (millis == 0) {
            return "0s";
        }
        if (millis < 1000) {
            return sign + millis + "ms";
        }
        if (millis < 10_000 && millis % 1000 != 0) {
            return sign + String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long days = a.toDays();
        long[] parts = days > 0 ? new long[] { days, a.toHoursPart(), a.toMinutesPart() }
                : new long[] { a.toHours(), a.toMinutesPart(), a.toSecondsPart() };
        String[] units = days > 0 ? new String[] { "d", "h", "m" } : new String[] { "h", "m", "s" };
        int first = 0;
        while (parts[first] == 0) {
            first++;
        }
        int last = parts.length - 1;
        while (parts[last] == 0) {
            last--;
        }
        StringBuilder text = new StringBuilder(sign);
        for (int i = first; i <= last; i++) {
            text.append(i == first ? "" : " ").append(i == first ? String.valueOf(parts[i])
                    : String.format(Locale.ROOT, "%02d", parts[i])).append(units[i]);
        }
        return text.toString();
    }

    /** As {@link #duration(Duration)}, {@code -} for none. */
    public static String durationOrDash(@Nullable Duration d) {
        return d == null ? "-" : duration(d);
    }

    /**
     * How long something has been going on, at a glance's precision: seconds under a minute, minutes under a day,
     * hours from then on ({@code 40s}, {@code 12m}, {@code 3h 05m}, {@code 2d 04h}); a negative one (clock skew) is
     * {@code 0s}.
     */
    public static String ago(Duration elapsed) {
        Duration d = elapsed.isNegative() ? Duration.ZERO : elapsed.truncatedTo(ChronoUnit.SECONDS);
        if (d.toMinutes() >= 1) {
            d = d.truncatedTo(d.toDays() >= 1 ? ChronoUnit.HOURS : ChronoUnit.MINUTES);
        }
        return duration(d);
    }
}
