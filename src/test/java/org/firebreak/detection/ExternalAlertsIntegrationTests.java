package org.firebreak.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    final HttpClient http = HttpClient.newHttpClient();
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void client() {
        api = new HttpApi(port);
    }

    @Test
    void twoFiringAlertsOpenTwoIncidentsRepeatsCountAndResolvedAlertsLeaveIncidentsOpen() {
        String a = "a" + run;
        String b = "b" + run;
        long before = incidentTotal();

        Response first = alertmanager(AM_SECRET, webhook("firing", a, b));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(incidentTotal()).isEqualTo(before + 2);
        JsonNode alertA = alert("alertmanager", a);
        JsonNode incidentA = api.get("/api/v1/incidents/" + alertA.get("incident").asString()).json();
        assertThat(incidentA.get("title").asString()).isEqualTo("EntryPoint handleOps reverts for every bundle");
        assertThat(incidentA.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(incidentA.get("components").toString()).contains("entrypoint");
        assertThat(incidentA.get("detectedAt").asString()).isEqualTo("2026-11-25T02:58:00Z");
        JsonNode incidentB = api.get("/api/v1/incidents/" + alert("alertmanager", b).get("incident").asString()).json();
        assertThat(incidentB.get("severity").asString()).as("firebreak_severity overrides warning").isEqualTo("HIGH");
        assertThat(incidentB.get("type").asString()).isEqualTo("PERFORMANCE_DEGRADATION");
        assertThat(timelineText(alertA.get("incident").asString())).contains("Alertmanager receiver firebreak");

        assertThat(alertmanager(AM_SECRET, webhook("firing", a, b)).status()).isEqualTo(200);
        assertThat(incidentTotal()).as("a repeat opens nothing").isEqualTo(before + 2);
        assertThat(alert("alertmanager", a).get("count").asLong()).isEqualTo(2);
        assertThat(alert("alertmanager", b).get("count").asLong()).isEqualTo(2);
        assertThat(alert("alertmanager", b).get("incident")).isEqualTo(incidentB.get("id"));

        assertThat(alertmanager(AM_SECRET, webhook("resolved", a, b)).status()).isEqualTo(200);
        for (String key : List.of(a, b)) {
            JsonNode resolved = alert("alertmanager", key);
            assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
            String incident = resolved.get("incident").asString();
            assertThat(api.get("/api/v1/incidents/" + incident).json().get("status").asString())
                    .as("incidents are left for a human").isEqualTo("TRIGGERED");
            assertThat(timelineText(incident)).contains("resolved at the source after 2 reports");
        }
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
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + AM))
                .header("Authorization", "Bearer " + secret).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), null, r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
                  "groupKey": "{}:{alertname=\\"SmartAccounts\\"}",
                  "truncatedAlerts": 0,
                  "status": "%1$s",
                  "receiver": "firebreak",
                  "groupLabels": {"alertname": "SmartAccounts"},
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
                }""".formatted(status, a, b, endsAt);
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
