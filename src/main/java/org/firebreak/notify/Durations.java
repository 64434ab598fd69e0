package org.firebreak.notify;

import java.time.Duration;

/** Durations as the timeline shows them: {@code 200 ms}, {@code 4 s}, {@code 30 min}. */
public final class Durations {

    private Durations() {
    }

    public static String text(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 120_000) {
            return (millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.format("%.1f", millis / 1000.0)) + " s";
        }
        if (d.toSeconds() % 60 == 0 && d.toMinutes() < 180) {
            return d.toMinutes() + " min";
        }
        return d.toHours() >= 3 && d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }
}
