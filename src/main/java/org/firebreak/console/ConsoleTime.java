package org.firebreak.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * How the console writes times: in UTC, with how long ago ("12 min ago"). Templates call it as
 * {@code ${@consoleTime.ago(instant)}}.
 */
@Component("consoleTime")
class ConsoleTime {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final Clock clock;

    ConsoleTime(Clock clock) {
        this.clock = clock;
    }

    public String utc(@Nullable Instant at) {
        return at == null ? "-" : UTC.format(at);
    }

    /** To the minute, {@code 2026-11-25 03:00Z}, for lists where seconds are noise. */
    public String minute(@Nullable Instant at) {
        return at == null ? "-" : MINUTE.format(at);
    }

    /** Time of day only, for the timeline where the date rarely changes. */
    public String clock(@Nullable Instant at) {
        return at == null ? "-" : CLOCK.format(at);
    }

    /** The ISO form, for {@code <time datetime>}. */
    public String iso(@Nullable Instant at) {
        return at == null ? "" : at.toString();
    }

    public String ago(@Nullable Instant at) {
        return at == null ? "-" : since(Duration.between(at, clock.instant())) + " ago";
    }

    /** A duration the way a person says it: 40 s, 12 min, 3 h 5 min, 2 d 4 h. */
    public String since(@Nullable Duration elapsed) {
        if (elapsed == null) {
            return "-";
        }
        long s = Math.max(0, elapsed.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86400) {
            long m = s % 3600 / 60;
            return s / 3600 + " h" + (m == 0 ? "" : " " + m + " min");
        }
        long h = s % 86400 / 3600;
        return s / 86400 + " d" + (h == 0 ? "" : " " + h + " h");
    }
}
