package org.firebreak.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.TimelineEntry;
import org.firebreak.incident.TimelineKind;
import org.firebreak.shared.Severity;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.firebreak.support.HttpApi.Response;
import org.firebreak.support.MutableClock;
import org.firebreak.support.OwnSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * One outage, one incident, one page: a big Alertmanager notification is one group and one incident, resends only
 * count, the resolved notification resolves every alert (and, where the integration says so, the incident), many
 * rules firing at once open at most the storm guard's limit plus one storm incident, and concurrent notifications of
 * one group never open two incidents. Paging and the storm guard are on here (5 incidents a minute, the default).
 */
@FirebreakIntegrationTest
@Import(AlertStormTests.Pages.class)
class AlertStormTests {

    private static final String AM = "/api/v1/integrations/alertmanager/alertmanager";
    private static final String AM_AUTO = "/api/v1/integrations/am-auto/alertmanager";
    private static final String SECRET = "devnet-alertmanager-secret";
    private static final int STORM_LIMIT = 5;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        OwnSchema.register(registry);
        registry.add("firebreak.oncall.paging", () -> "true");
        registry.add("firebreak.detection.storm-guard.enabled", () -> "true");
        String[][] integrations = { { "alertmanager", "ALERTMANAGER", "ALERT" }, { "am-auto", "ALERTMANAGER", "INCIDENT" },
                { "pagerduty", "PAGERDUTY", "ALERT" } };
        for (int i = 0; i < integrations.length; i++) {
            String[] integration = integrations[i];
            String at = "firebreak.detection.integrations[" + i + "].";
            registry.add(at + "name", () -> integration[0]);
            registry.add(at + "kind", () -> integration[1]);
            registry.add(at + "secret", () -> SECRET);
            registry.add(at + "auto-resolve", () -> integration[2]);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    AlertApi alerts;
    @Autowired
    IncidentApi incidents;
    @Autowired
    Pages pages;

    HttpApi api;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void quietStart() {
        api = new HttpApi(port);
        // Past every earlier test's window, so each test starts with no storm on.
        clock.advance(Duration.ofMinutes(10));
    }

    @Test
    void aFiveHundredAlertNotificationOpensOneIncidentPagesOnceAndItsResendOnlyCounts() {
        long before = incidentTotal();
        Response first = api.postBearer(AM, SECRET, notification("firing", "BundleReverts-" + run, 500));
        assertThat(first.status()).as(first.body()).isEqualTo(200);

        assertThat(incidentTotal()).isEqualTo(before + 1);
        String incident = alert("alertmanager", key(0)).get("incident").asString();
        JsonNode opened = api.get("/api/v1/incidents/" + incident).json();
        assertThat(opened.get("title").asString()).isEqualTo("BundleReverts-" + run + ": 500 alerts");
        assertThat(opened.get("severity").asString()).as("the most severe of its alerts").isEqualTo("CRITICAL");
        JsonNode listed = api.get("/api/v1/incidents/" + incident + "/alerts").json();
        assertThat(listed.get("groups")).hasSize(1);
        assertThat(listed.get("groups").get(0).get("alerts").asLong()).isEqualTo(500);
        assertThat(listed.get("groups").get(0).get("firing").asLong()).isEqualTo(500);
        assertThat(listed.get("groups").get(0).get("name").asString()).isEqualTo("BundleReverts-" + run);
        assertThat(listed.get("alerts")).hasSize(500);
        assertThat(listed.get("alerts").get(0).get("labels").get("alertname").asString()).isEqualTo("BundleReverts-" + run);
        assertThat(pages.awaitPages(IncidentId.parse(incident), 1)).hasSize(1);

        Response resend = api.postBearer(AM, SECRET, notification("firing", "BundleReverts-" + run, 500));
        assertThat(resend.status()).as(resend.body()).isEqualTo(200);
        assertThat(incidentTotal()).as("the resend opens nothing").isEqualTo(before + 1);
        JsonNode again = api.get("/api/v1/incidents/" + incident + "/alerts").json();
        assertThat(again.get("alerts")).allSatisfy(a -> assertThat(a.get("count").asLong()).isEqualTo(2));
        assertThat(api.get("/api/v1/incidents/" + incident).json().get("title").asString())
                .isEqualTo("BundleReverts-" + run + ": 500 alerts");
        assertThat(timeline(incident)).filteredOn(t -> t.contains("alerts join this incident")).isEmpty();

        Response resolved = api.postBearer(AM, SECRET, notification("resolved", "BundleReverts-" + run, 500));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        JsonNode after = api.get("/api/v1/incidents/" + incident + "/alerts").json();
        assertThat(after.get("alerts")).allSatisfy(a -> assertThat(a.get("status").asString()).isEqualTo("RESOLVED"));
        assertThat(after.get("groups").get(0).get("firing").asLong()).isZero();
        assertThat(api.get("/api/v1/incidents/" + incident).json().get("status").asString())
                .as("by default a human resolves the incident").isEqualTo("TRIGGERED");
        assertThat(timeline(incident)).anyMatch(t -> t.startsWith("500 alerts resolved at the source")
                && t.contains("stays TRIGGERED for a human to resolve"));
        assertThat(pages.of(IncidentId.parse(incident))).as("paged once for the whole outage").hasSize(1);
    }

    @Test
    void withAutoResolveIncidentTheResolvedNotificationResolvesTheIncidentOnceAllItsAlertsResolved() {
        Response firing = api.postBearer(AM_AUTO, SECRET, notification("firing", "Auto-" + run, 500));
        assertThat(firing.status()).as(firing.body()).isEqualTo(200);
        String incident = alert("am-auto", key(0)).get("incident").asString();

        api.postBearer(AM_AUTO, SECRET, notification("resolved", "Auto-" + run, 499));
        assertThat(api.get("/api/v1/incidents/" + incident).json().get("status").asString())
                .as("one alert still fires").isEqualTo("TRIGGERED");
        assertThat(timeline(incident)).anyMatch(t -> t.contains("1 of its 500 alerts still fire"));

        api.postBearer(AM_AUTO, SECRET, notification("resolved", "Auto-" + run, 500));
        assertThat(api.get("/api/v1/incidents/" + incident).json().get("status").asString()).isEqualTo("RESOLVED");
        assertThat(timeline(incident)).anyMatch(t -> t.contains("TRIGGERED → RESOLVED - Resolved automatically: all 500"
                + " alerts of this incident have resolved"));
    }

    @Test
    void twentyRulesFiringWithinAMinuteOpenAtMostTheLimitPlusOneIncidentsAndPageAsOften() {
        List<IncidentId> opened = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            AlertView raised = alerts.raise(List.of(rule("storm-" + run + "-" + i))).getFirst();
            if (!opened.contains(raised.incident())) {
                opened.add(raised.incident());
            }
            clock.advance(Duration.ofSeconds(2));
        }

        assertThat(opened).hasSize(STORM_LIMIT + 1);
        IncidentId storm = opened.getLast();
        assertThat(incidents.get(storm).title()).isEqualTo("Alert storm: 15 groups taken in, 15 alerts");
        JsonNode held = api.get("/api/v1/incidents/" + storm + "/alerts").json();
        assertThat(held.get("groups")).hasSize(15).allSatisfy(g -> assertThat(g.get("absorbed").asBoolean()).isTrue());
        assertThat(timeline(storm.toString())).filteredOn(t -> t.startsWith("Storm guard took in group")).hasSize(15);
        opened.forEach(id -> assertThat(pages.awaitPages(id, 1)).as("one page for " + id).hasSize(1));

        long group = held.get("groups").get(0).get("id").asLong();
        Response split = api.post("/api/v1/incidents/" + storm + "/alert-groups/" + group + "/split", "{}");
        assertThat(split.status()).as(split.body()).isEqualTo(201);
        IncidentId own = IncidentId.parse(split.json().get("incident").asString());
        assertThat(incidents.get(own).title()).startsWith("Rule storm-" + run);
        assertThat(api.get("/api/v1/incidents/" + own + "/alerts").json().get("alerts")).hasSize(1);
        assertThat(api.get("/api/v1/incidents/" + storm + "/alerts").json().get("groups")).hasSize(14);
        assertThat(incidents.get(storm).title()).isEqualTo("Alert storm: 14 groups taken in, 14 alerts");
        assertThat(timeline(storm.toString())).anyMatch(t -> t.contains("split group") && t.contains("out into " + own));
        assertThat(pages.awaitPages(own, 1)).as("split out, it pages as it would have").hasSize(1);
        assertThat(api.post("/api/v1/incidents/" + storm + "/alert-groups/" + group + "/split", "{}").status())
                .as("only once").isEqualTo(404);

        clock.advance(Duration.ofMinutes(2));
        AlertView calm = alerts.raise(List.of(rule("calm-" + run))).getFirst();
        assertThat(calm.incident()).as("a window with nothing new ends the storm").isNotEqualTo(storm);
        assertThat(incidents.get(calm.incident()).title()).startsWith("Rule calm-" + run);
    }

    @Test
    void concurrentNotificationsOfOneGroupNeverOpenTwoIncidents() throws Exception {
        long before = incidentTotal();
        List<Callable<Integer>> senders = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            int from = s * 5;
            // Each sender's alerts overlap the next one's, as Alertmanager's do when a group grows between sends.
            senders.add(() -> new HttpApi(port).postBearer(AM, SECRET, notification("firing", "Race-" + run, from, 10)).status());
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Integer> status : pool.invokeAll(senders)) {
                assertThat(status.get()).isEqualTo(200);
            }
        }
        assertThat(incidentTotal()).isEqualTo(before + 1);
        String incident = alert("alertmanager", key(0)).get("incident").asString();
        JsonNode listed = api.get("/api/v1/incidents/" + incident + "/alerts").json();
        assertThat(listed.get("groups")).hasSize(1);
        assertThat(listed.get("groups").get(0).get("alerts").asLong()).isEqualTo(45);
        assertThat(listed.get("alerts")).allSatisfy(a -> assertThat(a.get("incident").asString()).isEqualTo(incident));
        assertThat(api.get("/api/v1/incidents/" + incident).json().get("title").asString())
                .isEqualTo("Race-" + run + ": 45 alerts");
    }

    private Signal rule(String id) {
        return new Signal(id, SignalAction.TRIGGER, "Rule " + id + " fires", "condition holds", Severity.HIGH, null,
                List.of(), List.of("rpc"), Map.of("rule", id), clock.instant(), "rule " + id, null, null, false);
    }

    private String key(int i) {
        return run + "-" + i;
    }

    private String notification(String status, String group, int alerts) {
        return notification(status, group, 0, alerts);
    }

    /** Alertmanager's webhook for one group, alerts {@code from} to {@code from + count - 1}. */
    private String notification(String status, String group, int from, int count) {
        String endsAt = status.equals("firing") ? "0001-01-01T00:00:00Z" : "2026-11-25T02:59:30Z";
        String alerts = String.join(",", IntStream.range(from, from + count).mapToObj(i -> """
                {"status": "%s", "fingerprint": "%s",
                 "labels": {"alertname": "%s", "instance": "node-%d", "severity": "%s", "component": "bundler"},
                 "annotations": {"summary": "Bundles revert on node-%d"},
                 "startsAt": "2026-11-25T02:58:00Z", "endsAt": "%s", "generatorURL": "http://prometheus:9090/graph"}"""
                .formatted(status, key(i), group, i, i == 7 ? "critical" : "warning", i, endsAt)).toList());
        return """
                {"version": "4", "groupKey": "{}:{alertname=\\"%1$s\\"}", "truncatedAlerts": 0, "status": "%2$s",
                 "receiver": "firebreak", "groupLabels": {"alertname": "%1$s"}, "commonLabels": {"alertname": "%1$s"},
                 "commonAnnotations": {}, "externalURL": "http://alertmanager:9093", "alerts": [%3$s]}"""
                .formatted(group, status, alerts);
    }

    private JsonNode alert(String integration, String key) {
        Response r = api.get("/api/v1/integrations/" + integration + "/alerts/" + key);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private long incidentTotal() {
        return api.get("/api/v1/incidents?size=1").json().get("total").asLong();
    }

    private List<String> timeline(String incident) {
        List<String> texts = new ArrayList<>();
        api.get("/api/v1/incidents/" + incident + "/timeline").json().forEach(e -> texts.add(e.get("text").asString()));
        return texts;
    }

    /**
     * The pages each incident's timeline records ("Paged level 1 ..."), as the on-call engineer sees them. Read from the
     * timeline rather than caught as events: a test listener on NotificationRequested would itself be a tracked
     * event publication, taking a second connection from the pool inside every paging transaction.
     */
    static class Pages {

        private final IncidentApi incidents;

        Pages(IncidentApi incidents) {
            this.incidents = incidents;
        }

        List<String> of(IncidentId incident) {
            return incidents.timeline(incident).stream().filter(e -> e.kind() == TimelineKind.ESCALATION)
                    .map(TimelineEntry::text).filter(t -> t.startsWith("Paged level")).toList();
        }

        /** Pages go out after the incident's transaction commits, on another thread: waits up to 10 s for them. */
        List<String> awaitPages(IncidentId incident, int count) {
            await().atMost(Duration.ofSeconds(10)).until(() -> of(incident).size() >= count);
            return of(incident);
        }
    }
}
