package org.firebreak.detection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What follows a silence up ({@code firebreak.detection.silences.*}): reminders to its author and the start of
 * maintenance windows, looked for every {@code checkEvery} by one replica at a time.
 *
 * @param remindBefore the author is told this long before the silence ends (once; 0 turns it off); a silence no
 *        longer than this in all gets no such reminder
 * @param remindWhenHolding the author is told once the silence has held alerts back this long, counted from the
 *        first alert it held back (once; 0 turns it off)
 * @param checkEvery how often silences are looked at; a reminder or a window's start is late by at most this
 */
@ConfigurationProperties("firebreak.detection.silences")
record SilenceSettings(@DefaultValue("1h") Duration remindBefore, @DefaultValue("4h") Duration remindWhenHolding,
        @DefaultValue("1m") Duration checkEvery) {

    SilenceSettings {
        if (remindBefore.isNegative() || remindWhenHolding.isNegative()) {
            throw new IllegalArgumentException("firebreak.detection.silences.remind-before and remind-when-holding must"
                    + " be 0 (off) or positive, e.g. 1h");
        }
        if (checkEvery.isNegative() || checkEvery.isZero()) {
            throw new IllegalArgumentException("firebreak.detection.silences.check-every must be positive, e.g. 1m");
        }
    }
}
