package org.firebreak.review;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentTimes;
import org.firebreak.review.ResponseAnalytics.ActionItemCompletion;
import org.firebreak.review.ResponseAnalytics.DurationStats;
import org.firebreak.review.ResponseAnalytics.Stats;
import org.firebreak.review.ResponseAnalytics.Week;
import org.firebreak.shared.Severity;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Response analytics over a period, computed from the incidents' recorded instants and the action items. */
@Service
public class AnalyticsApi {

    /** Longest period asked for in one go: about five years of weeks. */
    public static final Duration MAX_PERIOD = Duration.ofDays(366 * 5);

    private final IncidentApi incidents;
    private final ActionItems items;
    private final Clock clock;

    AnalyticsApi(IncidentApi incidents, ActionItems items, Clock clock) {
        this.incidents = incidents;
        this.items = items;
        this.clock = clock;
    }

    /** The period when none is given: the last 90 days. */
    public static final Duration DEFAULT_PERIOD = Duration.ofDays(90);

    /**
     * As {@link #over(Instant, Instant)} for a period written as UTC dates ({@code 2026-11-01}) or instants; no
     * {@code to} is now, no {@code from} is {@link #DEFAULT_PERIOD} before {@code to}.
     */
    public ResponseAnalytics over(@Nullable String from, @Nullable String to) {
        Instant end = to == null || to.isBlank() ? clock.instant() : instant("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_PERIOD) : instant("from", from);
        return over(start, end);
    }

    private static Instant instant(String field, String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidReviewInput(field, "'" + text + "' is neither a date (2026-11-01) nor an instant "
                    + "(2026-11-01T00:00:00Z)");
        }
    }

    /** Incidents detected in [from, to) and action items created in it. */
    public ResponseAnalytics over(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new InvalidReviewInput("to", "must be after from (" + from + ")");
        }
        if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw new InvalidReviewInput("from", "the period may be at most " + MAX_PERIOD.toDays() + " days");
        }
        List<IncidentTimes> detected = incidents.detectedBetween(from, to);
        Map<Severity, Stats> bySeverity = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity, stats(detected.stream().filter(i -> i.severity() == severity).toList()));
        }
        Map<String, Stats> byType = detected.stream()
                .collect(Collectors.groupingBy(i -> i.type().name(), TreeMap::new, Collectors.toList()))
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> stats(e.getValue()),
                        (a, b) -> a, LinkedHashMap::new));
        return new ResponseAnalytics(from, to, Percentiles.METHOD, detected.size(), bySeverity, byType,
                weeks(detected, from, to), completion(from, to));
    }

    static Stats stats(List<IncidentTimes> group) {
        return new Stats(group.size(),
                durations(group, i -> i.acknowledgedAt() == null ? null : Duration.between(i.detectedAt(), i.acknowledgedAt())),
                durations(group, i -> i.resolvedAt() == null ? null : Duration.between(i.detectedAt(), i.resolvedAt())));
    }

    private static DurationStats durations(List<IncidentTimes> group, Function<IncidentTimes, Duration> of) {
        List<Duration> values = group.stream().map(of).filter(Objects::nonNull).toList();
        Duration median = Percentiles.of(values, 50);
        Duration p90 = Percentiles.of(values, 90);
        return new DurationStats(values.size(), median, p90, median == null ? null : median.toSeconds(),
                p90 == null ? null : p90.toSeconds());
    }

    private static List<Week> weeks(List<IncidentTimes> detected, Instant from, Instant to) {
        LocalDate first = monday(from);
        LocalDate last = monday(to.minusNanos(1));
        Map<LocalDate, Map<Severity, Long>> counts = new LinkedHashMap<>();
        for (LocalDate week = first; !week.isAfter(last); week = week.plusWeeks(1)) {
            Map<Severity, Long> zero = new EnumMap<>(Severity.class);
            for (Severity severity : Severity.values()) {
                zero.put(severity, 0L);
            }
            counts.put(week, zero);
        }
        detected.forEach(i -> counts.get(monday(i.detectedAt())).merge(i.severity(), 1L, Long::sum));
        List<Week> weeks = new ArrayList<>();
        counts.forEach((week, bySeverity) -> weeks.add(new Week(week, bySeverity,
                bySeverity.values().stream().mapToLong(Long::longValue).sum())));
        return weeks;
    }

    private static LocalDate monday(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private ActionItemCompletion completion(Instant from, Instant to) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<ActionItemView> created = items.createdBetween(from, to).stream().map(r -> r.view(today)).toList();
        long done = count(created, ActionItemStatus.DONE);
        long cancelled = count(created, ActionItemStatus.CANCELLED);
        long onTime = created.stream().filter(i -> i.status() == ActionItemStatus.DONE && i.completedAt() != null
                && !LocalDate.ofInstant(i.completedAt(), ZoneOffset.UTC).isAfter(i.dueOn())).count();
        long open = created.stream().filter(i -> i.status().isOpen()).count();
        long overdue = created.stream().filter(ActionItemView::overdue).count();
        long counted = created.size() - cancelled;
        return new ActionItemCompletion(created.size(), done, onTime, open, overdue, cancelled,
                counted == 0 ? null : (double) done / counted);
    }

    private static long count(List<ActionItemView> items, ActionItemStatus status) {
        return items.stream().filter(i -> i.status() == status).count();
    }
}
