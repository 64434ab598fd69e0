package org.firebreak.review.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.firebreak.review.AnalyticsApi;
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

    private final AnalyticsApi analytics;

    AnalyticsController(AnalyticsApi analytics) {
        this.analytics = analytics;
    }

    @GetMapping
    @Operation(summary = "TTA and TTR median and p90 (nearest-rank: the value at rank ceil(p/100·n) of the sorted "
            + "values) per severity and per type, incidents per ISO week by severity, action-item completion; over "
            + "incidents detected in [from, to) (instants or UTC dates; default the last 90 days); as charts at "
            + "/reviews/analytics")
    ResponseAnalytics over(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return analytics.over(from, to);
    }
}
