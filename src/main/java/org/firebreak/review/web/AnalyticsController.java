package org.firebreak.review.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.firebreak.review.AnalyticsApi;
import org.firebreak.review.InvalidReviewInput;
import org.firebreak.review.ResponseAnalytics;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Response analytics over a period. */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Post-incident reviews")
class AnalyticsController {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(90);

    private final AnalyticsApi analytics;
    private final Clock clock;

    AnalyticsController(AnalyticsApi analytics, Clock clock) {
        this.analytics = analytics;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "TTA and TTR median and p90 (nearest-rank: the value at rank ceil(p/100·n) of the sorted "
            + "values) per severity and per type, incidents per ISO week by severity, action-item completion; over "
            + "incidents detected in [from, to) (instants or UTC dates; default the last 90 days); as charts at "
            + "/reviews/analytics")
    ResponseAnalytics over(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        Instant end = to == null ? clock.instant() : instant("to", to);
        Instant start = from == null ? end.minus(DEFAULT_PERIOD) : instant("from", from);
        return analytics.over(start, end);
    }

    private static Instant instant(String field, String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidReviewInput(field, "'" + text + "' is neither a date (2026-11-01) nor an instant "
                    + "(2026-11-01T00:00:00Z)");
        }
    }
}
