package org.firebreak.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.firebreak.shared.TimeText;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * How the console writes times ({@link TimeText}): in UTC, with how long ago ("12m ago"). Templates call it as
 * {@code ${@consoleTime.ago(instant)}}.
 */
@Component("consoleTime")
class ConsoleTime {

    private final Clock clock;

    ConsoleTime(Clock clock) {
        this.clock = clock;
    }

    public String utc(@Nullable Instant at) {
        return TimeText.atOrDash(at);
    }

    /** To the minute, {@code 2026-11-25 03:00Z}, for lists where seconds are noise. */
    public String minute(@Nullable Instant at) {
        return TimeText.minute(at);
    }

    /** Time of day only, for the timeline where the date rarely changes. */
    public String clock(@Nullable Instant at) {
        return TimeText.clock(at);
    }

    /** The ISO form, for {@code <time datetime>}. */
    public String iso(@Nullable Instant at) {
        return at == null ? "" : at.toString();
    }

    /** {@code 12m ago}. */
    public String ago(@Nullable Instant at) {
        return at == null ? "-" : since(Duration.between(at, clock.instant())) + " ago";
    }

    /** How long something has been going on: {@code 40s}, {@code 12m}, {@code 3h 05m}, {@code 2d 04h}. */
    public String since(@Nullable Duration elapsed) {
        return elapsed == null ? "-" : TimeText.ago(elapsed);
    }
}
