package org.firebreak.review.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.firebreak.review.AnalyticsApi;
import org.firebreak.review.InvalidReviewInput;
import org.firebreak.review.ResponseAnalytics.DurationStats;
import org.firebreak.review.ResponseAnalytics.Stats;
import org.firebreak.review.ResponseAnalytics;
import org.firebreak.shared.Severity;
import org.firebreak.shared.TimeText;
import org.firebreak.shared.web.ConsolePage;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

/**
 * GET /reviews/analytics: the figures of GET /api/v1/analytics (same parameters) as ECharts charts, each with a table
 * of the same numbers under it, so nothing is only in a picture and the page reads without script.
 */
@ConsolePage
class AnalyticsCharts {

    private final AnalyticsApi analytics;
    private final JsonMapper json;

    AnalyticsCharts(AnalyticsApi analytics, JsonMapper json) {
        this.analytics = analytics;
        this.json = json;
    }

    /** One row of the response-times table: a severity or a type, its durations written out. */
    record Group(String name, long incidents, String ttaMedian, String ttaP90, String ttrMedian, String ttrP90) {

        static Group of(String name, Stats s) {
            return new Group(name, s.incidents(), TimeText.durationOrDash(s.timeToAcknowledge().median()),
                    TimeText.durationOrDash(s.timeToAcknowledge().p90()), TimeText.durationOrDash(s.timeToResolve().median()),
                    TimeText.durationOrDash(s.timeToResolve().p90()));
        }
    }

    @GetMapping("/reviews/analytics")
    String show(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
            HttpServletResponse response, Model model) {
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        ResponseAnalytics a;
        try {
            a = analytics.over(from, to);
        } catch (InvalidReviewInput e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
            return "review/analytics";
        }
        model.addAttribute("errors", Map.of());
        model.addAttribute("a", a);
        model.addAttribute("severities", Severity.values());
        model.addAttribute("bySeverity", a.bySeverity().entrySet().stream()
                .map(e -> Group.of(e.getKey().name(), e.getValue())).toList());
        model.addAttribute("byType", a.byType().entrySet().stream().map(e -> Group.of(e.getKey(), e.getValue())).toList());
        ResponseAnalytics.ActionItemCompletion items = a.actionItems();
        model.addAttribute("completion", items.completion() == null ? "-"
                : String.format(Locale.ROOT, "%.0f%%", 100 * items.completion()));
        model.addAttribute("chartData", json.writeValueAsString(chartData(a)).replace("<", "\\u003c"));
        return "review/analytics";
    }

    /** What analytics.js draws: minutes per severity, counts per week by severity, action items by outcome. */
    private static Map<String, Object> chartData(ResponseAnalytics a) {
        List<String> severities = new ArrayList<>();
        Map<String, List<@Nullable Double>> times = new LinkedHashMap<>();
        for (String series : List.of("ttaMedian", "ttaP90", "ttrMedian", "ttrP90")) {
            times.put(series, new ArrayList<>());
        }
        a.bySeverity().forEach((severity, s) -> {
            severities.add(severity.name());
            times.get("ttaMedian").add(minutes(s.timeToAcknowledge(), true));
            times.get("ttaP90").add(minutes(s.timeToAcknowledge(), false));
            times.get("ttrMedian").add(minutes(s.timeToResolve(), true));
            times.get("ttrP90").add(minutes(s.timeToResolve(), false));
        });
        Map<String, List<Long>> weekly = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            weekly.put(severity.name(), a.perWeek().stream().map(w -> w.bySeverity().getOrDefault(severity, 0L)).toList());
        }
        ResponseAnalytics.ActionItemCompletion items = a.actionItems();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("severities", severities);
        data.put("minutes", times);
        data.put("weeks", a.perWeek().stream().map(w -> w.weekStarting().toString()).toList());
        data.put("perWeek", weekly);
        data.put("actionItems", Map.of("labels", List.of("Done on time", "Done late", "Open, not overdue", "Overdue",
                "Cancelled"), "values", List.of(items.doneOnTime(), items.done() - items.doneOnTime(),
                        items.open() - items.overdue(), items.overdue(), items.cancelled())));
        return data;
    }

    private static @Nullable Double minutes(DurationStats stats, boolean median) {
        Long seconds = median ? stats.medianSeconds() : stats.p90Seconds();
        return seconds == null ? null : Math.round(seconds / 6.0) / 10.0;
    }
}
