package org.firebreak.review.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.Hidden;
import org.firebreak.review.ElapsedTime;
import org.firebreak.review.ResponseAnalytics;
import org.firebreak.review.ResponseAnalytics.DurationStats;
import org.firebreak.review.ResponseAnalytics.Stats;
import org.firebreak.shared.Severity;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The analytics as charts drawn in HTML and CSS: the same figures as GET /api/v1/analytics, same parameters. */
@Controller
@Hidden
class AnalyticsPage {

    /** The longest bar, in rem. */
    static final double BAR = 14;

    private final AnalyticsController analytics;

    AnalyticsPage(AnalyticsController analytics) {
        this.analytics = analytics;
    }

    record Group(String name, long incidents, String ttaMedian, String ttaP90, String ttrMedian, String ttrP90,
            double ttaMedianWidth, double ttaP90Width, double ttrMedianWidth, double ttrP90Width) {
    }

    record Segment(Severity severity, long count) {
    }

    record WeekBar(String week, long total, double width, List<Segment> segments) {
    }

    @GetMapping("/reviews/analytics")
    String show(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            Model model) {
        ResponseAnalytics a = analytics.over(from, to);
        List<Map.Entry<String, Stats>> stats = Stream.concat(
                a.bySeverity().entrySet().stream().map(e -> Map.entry(e.getKey().name(), e.getValue())),
                a.byType().entrySet().stream()).toList();
        long longestTta = longest(stats.stream().map(e -> e.getValue().timeToAcknowledge()).toList());
        long longestTtr = longest(stats.stream().map(e -> e.getValue().timeToResolve()).toList());
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<String, Stats> e : stats) {
            DurationStats tta = e.getValue().timeToAcknowledge();
            DurationStats ttr = e.getValue().timeToResolve();
            groups.add(new Group(e.getKey(), e.getValue().incidents(), ElapsedTime.of(tta.median()),
                    ElapsedTime.of(tta.p90()), ElapsedTime.of(ttr.median()), ElapsedTime.of(ttr.p90()),
                    width(tta.medianSeconds(), longestTta),
                    width(tta.p90Seconds(), longestTta), width(ttr.medianSeconds(), longestTtr),
                    width(ttr.p90Seconds(), longestTtr)));
        }
        long busiest = Math.max(1, a.perWeek().stream().mapToLong(ResponseAnalytics.Week::total).max().orElse(1));
        List<WeekBar> weeks = a.perWeek().stream().map(w -> new WeekBar(w.weekStarting().toString(), w.total(),
                100.0 * w.total() / busiest, w.bySeverity().entrySet().stream().filter(s -> s.getValue() > 0)
                        .map(s -> new Segment(s.getKey(), s.getValue())).toList())).toList();
        ResponseAnalytics.ActionItemCompletion items = a.actionItems();
        model.addAttribute("a", a);
        model.addAttribute("groups", groups);
        model.addAttribute("weeks", weeks);
        model.addAttribute("severities", Arrays.asList(Severity.values()));
        model.addAttribute("items", items.created() + " created, " + items.done() + " done (" + items.doneOnTime()
                + " on time), " + items.open() + " open (" + items.overdue() + " overdue), " + items.cancelled()
                + " cancelled; completion " + (items.completion() == null ? "-"
                        : String.format(Locale.ROOT, "%.0f%%", 100 * items.completion())));
        return "review/analytics";
    }

    private static long longest(List<DurationStats> stats) {
        return Math.max(1, stats.stream().map(DurationStats::p90Seconds).filter(Objects::nonNull).mapToLong(Long::longValue)
                .max().orElse(1));
    }

    private static double width(@Nullable Long seconds, long longest) {
        return seconds == null ? 0 : Math.round(BAR * seconds / longest * 10) / 10.0;
    }
}
