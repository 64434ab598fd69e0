package org.firebreak.review;

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** A duration as a responder reads it in a review or a chart: {@code 1h 04m 09s}, {@code 4m 12s}, {@code 37s}. */
public final class ElapsedTime {

    private ElapsedTime() {
    }

    /** The duration in words, {@code -} for none. */
    public static String of(@Nullable Duration d) {
        if (d == null) {
            return "-";
        }
        long s = Math.abs(d.toSeconds());
        String sign = d.isNegative() ? "-" : "";
        if (s >= 86_400) {
            return String.format(Locale.ROOT, "%s%dd %02dh %02dm", sign, s / 86_400, s % 86_400 / 3600, s % 3600 / 60);
        }
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%s%dh %02dm %02ds", sign, s / 3600, s % 3600 / 60, s % 60);
        }
        return s >= 60 ? String.format(Locale.ROOT, "%s%dm %02ds", sign, s / 60, s % 60) : sign + s + "s";
    }
}
