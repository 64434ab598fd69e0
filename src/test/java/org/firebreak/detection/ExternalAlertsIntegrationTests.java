package org.firebreak.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.firebreak.support.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** External alerts over real HTTP, as Alertmanager and PagerDuty senders send them. Keys are fresh per test. */
@FirebreakIntegrationTest
class ExternalAlertsIntegrationTests {

    private static final String AM_SECRET = "devnet-alertmanager-secret";
    private static final String PD_SECRET = "devnet-pagerduty-secret";
    private static final String AM = "/api/v1/integrations/alertmanager/alertmanager";
    private static final String PD = "/api/v1/integrations/pagerduty/pagerduty";

    @LocalServerPort
    int port;

    HttpApi api;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void client() {
        api = new HttpApi(port);
    }

    @Test
    void aNotificationsAlertsShareOneIncidentRepeatsCountAndResolvedAlertsLeaveItOpen() {
        String a = "a" + run;
        String b = "b" + run;
        long before = incidentTotal();

        Response first = alertmanager(AM_SECRET, webhook("firing", a, b));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(incidentTotal()).as("one Alertmanager group, one incident").isEqualTo(before + 1);
        JsonNode alertA = alert("alertmanager", a);
        assertThat(alert("alertmanager", b).get("incident")).isEqualTo(alertA.get("incident"));
        assertThat(alertA.get("group").asString()).isEqualTo("SmartAccounts" + run);
        JsonNode incident = api.get("/api/v1/incidents/" + alertA.get("incident").asString()).json();
        assertThat(incident.get("title").asString()).isEqualTo("SmartAccounts" + run + ": 2 alerts");
        assertThat(incident.get("severity").asString()).as("the most severe of its alerts").isEqualTo("CRITICAL");
        assertThat(incident.get("type").asString()).as("the first alert that names one")
                .isEqualTo("PERFORMANCE_DEGRADATION");
        assertThat(incident.get("components").toString()).contains("entrypoint").contains("rpc");
        assertThat(incident.get("detectedAt").asString()).as("the earliest start").isEqualTo("2026-11-25T02:58:00Z");
        String id = alertA.get("incident").asString();
        assertThat(timelineText(id)).contains("Opened from 2 alerts of group 'SmartAccounts" + run + "'")
                .contains("Alertmanager receiver firebreak");

        assertThat(alertmanager(AM_SECRET, webhook("firing", a, b)).status()).isEqualTo(200);
        assertThat(incidentTotal()).as("a repeat opens nothing").isEqualTo(before + 1);
        assertThat(alert("alertmanager", a).get("count").asLong()).isEqualTo(2);
        assertThat(alert("alertmanager", b).get("count").asLong()).isEqualTo(2);

        assertThat(alertmanager(AM_SECRET, webhook("resolved", a, b)).status()).isEqualTo(200);
        for (String key : List.of(a, b)) {
            assertThat(alert("alertmanager", key).get("status").asString()).isEqualTo("RESOLVED");
        }
        assertThat(api.get("/api/v1/incidents/" + id).json().get("status").asString())
                .as("incidents are left for a human").isEqualTo("TRIGGERED");
        assertThat(timelineText(id)).contains("2 alerts resolved at the source (" + a + ", " + b + ")")
                .contains("stays TRIGGERED for a human to resolve");
    }

    @Test
    void pagerDutyEventsOfSeveralKeysShareAnIncidentWhenTheyNameOneFirebreakGroup() {
        long before = incidentTotal();
        for (String key : List.of("g1-" + run, "g2-" + run)) {
            Response r = api.post(PD, pagerDuty(PD_SECRET, "trigger", key).replace("\"failed_requests\": 42",
                    "\"failed_requests\": 42, \"firebreak_group\": \"rpc-outage-" + run + "\""));
            assertThat(r.status()).as(r.body()).isEqualTo(202);
        }
        assertThat(incidentTotal()).isEqualTo(before + 1);
        String incident = alert("pagerduty", "g1-" + run).get("incident").asString();
        assertThat(alert("pagerduty", "g2-" + run).get("incident").asString()).isEqualTo(incident);
        assertThat(api.get("/api/v1/incidents/" + incident).json().get("title").asString())
                .isEqualTo("rpc-outage-" + run + ": 2 alerts");
        assertThat(timelineText(incident)).contains("joins this incident (group 'rpc-outage-" + run + "')");
    }

    @Test
    void pagerDutyTriggerAcknowledgeResolveDrivesOneIncident() {
        String key = "pd-" + run;
        long before = incidentTotal();

        Response trigger = api.post(PD, pagerDuty(PD_SECRET, "trigger", key));
        assertThat(trigger.status()).as(trigger.body()).isEqualTo(202);
        assertThat(trigger.body()).isEqualTo(
                "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"" + key + "\"}");
        String incident = alert("pagerduty", key).get("incident").asString();
        JsonNode opened = api.get("/api/v1/incidents/" + incident).json();
        assertThat(opened.get("severity").asString()).as("PagerDuty error is HIGH").isEqualTo("HIGH");
        assertThat(opened.get("title").asString()).isEqualTo("Bundler cannot reach the RPC endpoint");

        assertThat(api.post(PD, pagerDuty(PD_SECRET, "acknowledge", key)).status()).isEqualTo(202);
        assertThat(api.get("/api/v1/incidents/" + incident).json().get("status").asString()).isEqualTo("ACKNOWLEDGED");

        Response resolve = api.post(PD, pagerDuty(PD_SECRET, "resolve", key));
        assertThat(resolve.body()).isEqualTo(
                "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"" + key + "\"}");
        assertThat(alert("pagerduty", key).get("status").asString()).isEqualTo("RESOLVED");
        assertThat(api.get("/api/v1/incidents/" + incident).json().get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(timelineText(incident)).contains("resolved at the source");
        assertThat(incidentTotal()).isEqualTo(before + 1);
    }

    @Test
    void anAlertThatFiresAgainJoinsItsOpenIncidentOrOpensANewOneOnceAHumanResolvedIt() {
        String key = "r-" + run;
        api.post(PD, pagerDuty(PD_SECRET, "trigger", key));
        String first = alert("pagerduty", key).get("incident").asString();
        api.post(PD, pagerDuty(PD_SECRET, "resolve", key));

        api.post(PD, pagerDuty(PD_SECRET, "trigger", key));
        assertThat(alert("pagerduty", key).get("incident").asString()).as("still open").isEqualTo(first);
        assertThat(alert("pagerduty", key).get("status").asString()).isEqualTo("FIRING");
        assertThat(timelineText(first)).contains("fires again (seen 2 times)");

        api.post(PD, pagerDuty(PD_SECRET, "resolve", key));
        assertThat(api.post("/api/v1/incidents/" + first + "/status", "{\"status\": \"RESOLVED\"}").status())
                .isEqualTo(200);
        api.post(PD, pagerDuty(PD_SECRET, "trigger", key));
        JsonNode again = alert("pagerduty", key);
        assertThat(again.get("incident").asString()).as("new trouble after a human resolved it").isNotEqualTo(first);
        assertThat(again.get("count").asLong()).isEqualTo(3);
        assertThat(timelineText(again.get("incident").asString())).contains("Fired again after " + first);
    }

    @Test
    void aWrongOrMissingSecretIsRefusedWith401AndWritesNothing() {
        String key = "x" + run;
        long before = incidentTotal();

        Response wrong = alertmanager("not-the-secret-at-all", webhook("firing", key, key + "2"));
        Response missing = api.post(AM, webhook("firing", key, key + "2"));
        Response wrongKey = api.post(PD, pagerDuty("not-the-secret-at-all", "trigger", key));

        for (Response r : List.of(wrong, missing, wrongKey)) {
            assertThat(r.status()).as(r.body()).isEqualTo(401);
            assertThat(r.contentType()).contains("application/problem+json");
            assertThat(r.body()).doesNotContain(AM_SECRET).doesNotContain(PD_SECRET);
        }
        assertThat(api.get("/api/v1/integrations/alertmanager/alerts/" + key).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/integrations/pagerduty/alerts/" + key).status()).isEqualTo(404);
        assertThat(incidentTotal()).isEqualTo(before);
    }

    @Test
    void aMalformedPayloadIsRefusedWith400NamingTheFieldAndWritesNothing() {
        String key = "m" + run;
        long before = incidentTotal();
        String noFingerprint = webhook("firing", key, key + "2").replace("\"fingerprint\": \"" + key + "2\",", "");

        Response am = alertmanager(AM_SECRET, noFingerprint);
        Response pd = api.post(PD, pagerDuty(PD_SECRET, "trigger", key).replace("\"severity\": \"error\"",
                "\"severity\": \"disaster\""));
        Response json = alertmanager(AM_SECRET, "{\"version\": \"4\",");

        assertThat(am.status()).isEqualTo(400);
        assertThat(am.json().get("errors").get(0).get("field").asString()).isEqualTo("alerts[1].fingerprint");
        assertThat(pd.status()).isEqualTo(400);
        assertThat(pd.json().get("errors").get(0).get("field").asString()).isEqualTo("payload.severity");
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
        assertThat(api.get("/api/v1/integrations/alertmanager/alerts/" + key).status())
                .as("the valid first alert of the rejected payload is not kept").isEqualTo(404);
        assertThat(incidentTotal()).isEqualTo(before);
    }

    @Test
    void tenConcurrentIdenticalTriggersOpenExactlyOneIncident() throws Exception {
        String key = "c-" + run;
        long before = incidentTotal();
        List<Callable<Integer>> senders = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            senders.add(() -> new HttpApi(port).post(PD, pagerDuty(PD_SECRET, "trigger", key)).status());
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            for (Future<Integer> status : pool.invokeAll(senders)) {
                assertThat(status.get()).isEqualTo(202);
            }
        }
        assertThat(incidentTotal()).isEqualTo(before + 1);
        assertThat(alert("pagerduty", key).get("count").asLong()).isEqualTo(10);
    }

    private Response alertmanager(String secret, String body) {
        return api.postBearer(AM, secret, body);
    }

    private JsonNode alert(String integration, String key) {
        Response r = api.get("/api/v1/integrations/" + integration + "/alerts/" + key);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private long incidentTotal() {
        return api.get("/api/v1/incidents?size=1").json().get("total").asLong();
    }

    private String timelineText(String incident) {
        return api.get("/api/v1/incidents/" + incident + "/timeline").body();
    }

    /** The shape Alertmanager 0.27 posts: version 4, two alerts of one group. */
    private static String webhook(String status, String a, String b) {
        String endsAt = status.equals("firing") ? "0001-01-01T00:00:00Z" : "2026-11-25T02:59:30Z";
        return """
                {
                  "version": "4",
                  "groupKey": "{}:{alertname=\\"SmartAccounts%5$s\\"}",
                  "truncatedAlerts": 0,
                  "status": "%1$s",
                  "receiver": "firebreak",
                  "groupLabels": {"alertname": "SmartAccounts%5$s"},
                  "commonLabels": {"alertname": "SmartAccounts", "chain_id": "138"},
                  "commonAnnotations": {},
                  "externalURL": "http://alertmanager:9093",
                  "alerts": [
                    {
                      "status": "%1$s",
                      "labels": {"alertname": "SmartAccounts", "chain_id": "138", "severity": "critical",
                                 "component": "entrypoint", "instance": "bundler-1:9100"},
                      "annotations": {"summary": "EntryPoint handleOps reverts for every bundle",
                                      "description": "12 of 12 bundles reverted in the last 5 minutes"},
                      "startsAt": "2026-11-25T02:58:00Z",
                      "endsAt": "%4$s",
                      "generatorURL": "http://prometheus:9090/graph?g0.expr=bundle_reverts",
                      "fingerprint": "%2$s"
                    },
                    {
                      "status": "%1$s",
                      "labels": {"alertname": "SmartAccounts", "chain_id": "138", "severity": "warning",
                                 "firebreak_severity": "high", "firebreak_type": "PERFORMANCE_DEGRADATION",
                                 "service": "rpc"},
                      "annotations": {"summary": "RPC p99 latency above 2 s"},
                      "startsAt": "2026-11-25T02:58:30Z",
                      "endsAt": "%4$s",
                      "generatorURL": "http://prometheus:9090/graph?g0.expr=rpc_latency",
                      "fingerprint": "%3$s",
                      "extraField": true
                    }
                  ]
                }""".formatted(status, a, b, endsAt, a.substring(1));
    }

    /**
     * PagerDuty's own limits are generous (a 512 KB event) and senders fill them: a source of 6,000 characters and
     * custom details of 40,000 characters are taken, cut to fit with a mark, and open their incident; nothing answers
     * 500. A JSON write with a wildcard Content-Type is refused with 415, naming the type to send.
     */
    @Test
    void oversizedPagerDutyFieldsAreCutToFitAndAWildcardContentTypeIs415() throws Exception {
        String key = "huge-" + run;
        String source = "s".repeat(6000);
        StringBuilder details = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            details.append(i == 0 ? "" : ", ").append("\"k").append(i).append("\": \"").append("v".repeat(500))
                    .append("\"");
        }
        Response taken = api.post(PD, """
                {"routing_key": "%s", "event_action": "trigger", "dedup_key": "%s",
                 "payload": {"summary": "Bundler flooded", "source": "%s", "severity": "critical",
                             "custom_details": {%s}}}""".formatted(PD_SECRET, key, source, details));
        assertThat(taken.status()).as(taken.body()).isEqualTo(202);
        JsonNode alert = alert("pagerduty", key);
        assertThat(alert.get("incident").isNull()).as("its incident opened").isFalse();
        assertThat(alert.get("labels").get("firebreak_left_out").asString()).as("what did not fit is counted")
                .matches("\\d+ more labels, past the 6000 characters an alert keeps");
        assertThat(api.get("/api/v1/incidents/" + alert.get("incident").asString()).status()).isEqualTo(200);

        var http = java.net.http.HttpClient.newHttpClient();
        var wildcard = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                + "/api/v1/incidents")).header("Authorization", "Bearer " + api.tokenFor("wild-will",
                        org.firebreak.shared.web.Role.RESPONDER))
                .header("Content-Type", "*/*").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(wildcard.statusCode()).as(wildcard.body()).isEqualTo(415);
        assertThat(wildcard.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(wildcard.body()).contains("application/json");
    }

    private static String pagerDuty(String routingKey, String action, String key) {
        return """
                {"routing_key": "%s", "event_action": "%s", "dedup_key": "%s",
                 "payload": {"summary": "Bundler cannot reach the RPC endpoint", "source": "bundler-1",
                             "severity": "error", "component": "rpc", "group": "chain-138",
                             "custom_details": {"failed_requests": 42}},
                 "client": "Prometheus", "links": []}""".formatted(routingKey, action, key);
    }
}
