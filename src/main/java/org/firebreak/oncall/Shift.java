package org.firebreak.oncall;

import java.time.Instant;

/**
 * Who is on call in a schedule over a stretch of time, and why.
 *
 * @param person the person's id
 * @param from when this stretch started (a hand-off, an override's start, a restriction window opening)
 * @param until when it ends at the latest (the next hand-off, the override's end, the window closing); a higher
 *        layer or an override may take over earlier
 * @param source what decided it: {@code override #3 by alice (dentist)} or {@code layer 'Weekly rotation'}
 */
public record Shift(String person, Instant from, Instant until, String source) {
}
