package org.firebreak.review;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.firebreak.shared.Severity;
import org.jspecify.annotations.Nullable;

/**
 * How the team responded over a period: incidents detected in [from, to), their time to acknowledge and to resolve
 * (from detection) as median and p90 per severity and per type, incidents per week by severity, and how many of the
 * action items created in the period were completed.
 *
 * @param percentileMethod how the medians and p90s are computed (nearest-rank)
 */
public record ResponseAnalytics(Instant from, Instant to, String percentileMethod, long incidents,
        Map<Severity, Stats> bySeverity, Map<String, Stats> byType, List<Week> perWeek,
        ActionItemCompletion actionItems) {

    /**
     * @param timeToAcknowledge over the incidents acknowledged; {@code timeToResolve} over those resolved (a reopened
     *        incident counts once resolved again)
     */
    public record Stats(long incidents, DurationStats timeToAcknowledge, DurationStats timeToResolve) {
    }

    /** Count, median and p90 of some durations; null figures when there are none. */
    public record DurationStats(int count, @Nullable Duration median, @Nullable Duration p90,
            @Nullable Long medianSeconds, @Nullable Long p90Seconds) {
    }

    /** An ISO week (Monday, UTC) with the incidents detected in it by severity. */
    public record Week(LocalDate weekStarting, Map<Severity, Long> bySeverity, long total) {
    }

    /**
     * @param completion done / (created - cancelled), null when nothing counts
     * @param doneOnTime done no later than their due day
     */
    public record ActionItemCompletion(long created, long done, long doneOnTime, long open, long overdue,
            long cancelled, @Nullable Double completion) {
    }
}
