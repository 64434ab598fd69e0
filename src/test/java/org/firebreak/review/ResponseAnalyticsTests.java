package org.firebreak.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firebreak.incident.OpenIncidentBuilder.anIncident;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.shared.Severity;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.firebreak.support.MutableClock;
import org.firebreak.support.OwnSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Analytics over a seeded month of incidents (a store of its own, and a clock this test moves back and forth), checked
 * against medians and p90s computed here from the seeds by nearest rank, without the production code.
 */
@FirebreakIntegrationTest
class ResponseAnalyticsTests {

    @DynamicPropertySource
    static void ownStore(DynamicPropertyRegistry registry) {
        OwnSchema.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    IncidentApi incidents;
    @Autowired
    ReviewApi reviews;
    @Autowired
    ActionItemApi actionItems;

    /** One seeded incident: when detected, seconds to acknowledge and to resolve (null: not yet). */
    record Seed(Severity severity, String type, Instant detectedAt, Long tta, Long ttr) {
    }

    static final Instant MONTH = Instant.parse("2025-03-03T00:00:00Z");

    static List<Seed> seeds() {
        List<Seed> seeds = new ArrayList<>();
        long[][] critical = { { 60, 3600 }, { 120, 1800 }, { 30, 7200 }, { 600, 900 }, { 90, 5400 } };
        for (int i = 0; i < critical.length; i++) {
            seeds.add(new Seed(Severity.CRITICAL, i < 2 ? "ACCOUNT_CREATION_FAILURE" : "DELEGATION_FAILURE",
                    MONTH.plus(Duration.ofDays(i * 5L)).plusSeconds(3600 * i), critical[i][0], critical[i][1]));
        }
        long[][] high = { { 300, 1000 }, { 100, 4000 }, { 200, 3000 }, { 400, 2000 } };
        for (int i = 0; i < high.length; i++) {
            seeds.add(new Seed(Severity.HIGH, "PERFORMANCE_DEGRADATION", MONTH.plus(Duration.ofDays(1 + i * 7L)),
                    high[i][0], high[i][1]));
        }
        seeds.add(new Seed(Severity.MEDIUM, "PERFORMANCE_DEGRADATION", MONTH.plus(Duration.ofDays(9)), 45L, null));
        return seeds;
    }

    private IncidentId seed(Seed s) {
        clock.set(s.detectedAt());
        IncidentId id = incidents.open(anIncident().titled("seeded " + s.severity()).withSeverity(s.severity())
                .ofType(s.type()).detectedAt(s.detectedAt()).build(), "seeder").id();
        if (s.tta() != null) {
            clock.set(s.detectedAt().plusSeconds(s.tta()));
            incidents.changeStatus(id, IncidentStatus.ACKNOWLEDGED, null, "seeder");
        }
        if (s.ttr() != null) {
            clock.set(s.detectedAt().plusSeconds(s.ttr()));
            incidents.changeStatus(id, IncidentStatus.RESOLVED, null, "seeder");
        }
        return id;
    }

    /** Nearest rank, written out again: sort, take the value at rank ceil(p/100 * n). */
    static long nearestRank(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p * sorted.size() / 100.0);
        return sorted.get(rank - 1);
    }

    @Test
    void mediansAndP90sPerSeverityAndTypeAreTheNearestRanksOfTheSeededDurations() {
        List<Seed> seeds = seeds();
        List<IncidentId> ids = seeds.stream().map(this::seed).toList();
        seed(new Seed(Severity.CRITICAL, "DELEGATION_FAILURE", Instant.parse("2025-04-02T00:00:00Z"), 1L, 2L));
        addActionItems(ids);
        clock.set(Instant.parse("2025-04-10T00:00:00Z"));

        JsonNode analytics = new HttpApi(port).get("/api/v1/analytics?from=2025-03-03&to=2025-03-31").json();

        assertThat(analytics.get("incidents").asInt()).isEqualTo(seeds.size());
        assertThat(analytics.get("percentileMethod").asString()).startsWith("nearest-rank");
        for (Severity severity : Severity.values()) {
            List<Seed> group = seeds.stream().filter(s -> s.severity() == severity).toList();
            assertStats(analytics.get("bySeverity").get(severity.name()), group, severity.name());
        }
        Map<String, List<Seed>> byType = seeds.stream().collect(Collectors.groupingBy(Seed::type));
        assertThat(analytics.get("byType").propertyNames()).containsExactlyInAnyOrderElementsOf(byType.keySet());
        byType.forEach((type, group) -> assertStats(analytics.get("byType").get(type), group, type));

        JsonNode high = analytics.get("bySeverity").get("HIGH").get("timeToAcknowledge");
        assertThat(high.get("medianSeconds").asLong()).as("nearest rank, not the 250 s an average would give")
                .isEqualTo(200);
        assertThat(high.get("median").asString()).isEqualTo("PT3M20S");

        JsonNode weeks = analytics.get("perWeek");
        assertThat(weeks.findValuesAsString("weekStarting"))
                .containsExactly("2025-03-03", "2025-03-10", "2025-03-17", "2025-03-24");
        for (JsonNode week : weeks) {
            LocalDate start = LocalDate.parse(week.get("weekStarting").asString());
            for (Severity severity : Severity.values()) {
                long expected = seeds.stream().filter(s -> s.severity() == severity)
                        .filter(s -> !LocalDate.ofInstant(s.detectedAt(), java.time.ZoneOffset.UTC).isBefore(start)
                                && LocalDate.ofInstant(s.detectedAt(), java.time.ZoneOffset.UTC).isBefore(start.plusWeeks(1)))
                        .count();
                assertThat(week.get("bySeverity").get(severity.name()).asLong()).as(start + " " + severity)
                        .isEqualTo(expected);
            }
        }

        JsonNode items = analytics.get("actionItems");
        assertThat(items.get("created").asInt()).isEqualTo(4);
        assertThat(items.get("done").asInt()).isEqualTo(2);
        assertThat(items.get("doneOnTime").asInt()).isEqualTo(1);
        assertThat(items.get("cancelled").asInt()).isEqualTo(1);
        assertThat(items.get("overdue").asInt()).isEqualTo(1);
        assertThat(items.get("completion").asDouble()).isEqualTo(2.0 / 3);

        HttpApi.Response page = new HttpApi(port).get("/reviews/analytics?from=2025-03-03&to=2025-03-31");
        assertThat(page.status()).isEqualTo(200);
        String html = page.body().replaceAll("\\s+", " ");
        assertThat(html).as("each chart has its container, drawn by ECharts loaded on this page")
                .contains("id=\"chart-tta\"").contains("id=\"chart-ttr\"").contains("id=\"chart-weeks\"")
                .contains("id=\"chart-items\"").contains("/webjars/echarts/5.3.1/dist/echarts.min.js");
        assertThat(html).as("the tables under the charts carry the same figures")
                .contains("<th scope=\"row\">PERFORMANCE_DEGRADATION</th> <td class=\"num\">5</td>"
                        + "<td class=\"num\">3m 20s</td>")
                .contains("<th scope=\"row\">2025-03-17</th> <td class=\"num\">2</td> <td class=\"num\">1</td> "
                        + "<td class=\"num\">0</td> <td class=\"num\">0</td> <td class=\"num\">3</td>")
                .contains("<th scope=\"row\">2025-03-24</th> <td class=\"num\">0</td> <td class=\"num\">1</td> "
                        + "<td class=\"num\">0</td> <td class=\"num\">0</td> <td class=\"num\">1</td>")
                .contains("<tr><th scope=\"row\">Created</th><td class=\"num\">4</td></tr>")
                .contains("<tr><th scope=\"row\">Done on time</th><td class=\"num\">1</td></tr>")
                .contains("<tr><th scope=\"row\">Overdue (of the open)</th><td class=\"num\">1</td></tr>")
                .contains("<td class=\"num\">67%</td>");
        assertThat(html).as("the charts draw the same figures")
                .contains("\"weeks\":[\"2025-03-03\",\"2025-03-10\",\"2025-03-17\",\"2025-03-24\"]")
                .contains("\"HIGH\":[1,1,1,1]")
                .contains("\"values\":[1,1,0,1,1]");
    }

    private void assertStats(JsonNode stats, List<Seed> group, String what) {
        assertThat(stats.get("incidents").asInt()).as(what).isEqualTo(group.size());
        List<Long> tta = group.stream().map(Seed::tta).filter(v -> v != null).toList();
        List<Long> ttr = group.stream().map(Seed::ttr).filter(v -> v != null).toList();
        assertDurations(stats.get("timeToAcknowledge"), tta, what + " TTA");
        assertDurations(stats.get("timeToResolve"), ttr, what + " TTR");
    }

    private static void assertDurations(JsonNode stats, List<Long> values, String what) {
        assertThat(stats.get("count").asInt()).as(what).isEqualTo(values.size());
        if (values.isEmpty()) {
            assertThat(stats.get("medianSeconds").isNull()).as(what).isTrue();
            assertThat(stats.get("p90Seconds").isNull()).as(what).isTrue();
            return;
        }
        assertThat(stats.get("medianSeconds").asLong()).as(what + " median").isEqualTo(nearestRank(values, 50));
        assertThat(stats.get("p90Seconds").asLong()).as(what + " p90").isEqualTo(nearestRank(values, 90));
    }

    /** Four items created in March: done on time, done late, cancelled, and one left open past its due day. */
    private void addActionItems(List<IncidentId> ids) {
        clock.set(Instant.parse("2025-03-20T12:00:00Z"));
        for (IncidentId id : ids.subList(0, 2)) {
            reviews.start(id, "seeder");
        }
        long onTime = actionItems.add(ids.get(0), new NewActionItem("Alert earlier", "bob", LocalDate.parse("2025-03-25"),
                ActionPriority.HIGH), "seeder").id();
        long late = actionItems.add(ids.get(0), new NewActionItem("Runbook step", "carol", LocalDate.parse("2025-03-22"),
                null), "seeder").id();
        long dropped = actionItems.add(ids.get(1), new NewActionItem("Rewrite bundler", "dave",
                LocalDate.parse("2025-03-28"), ActionPriority.LOW), "seeder").id();
        actionItems.add(ids.get(1), new NewActionItem("Second RPC provider", "erin", LocalDate.parse("2025-03-26"),
                ActionPriority.HIGH), "seeder");
        clock.set(Instant.parse("2025-03-24T09:00:00Z"));
        actionItems.update(onTime, new ActionItemChange(null, null, null, null, ActionItemStatus.DONE), "bob");
        actionItems.update(late, new ActionItemChange(null, null, null, null, ActionItemStatus.DONE), "carol");
        actionItems.update(dropped, new ActionItemChange(null, null, null, null, ActionItemStatus.CANCELLED), "dave");
    }
}
