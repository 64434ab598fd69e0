package org.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.firebreak.support.HttpApi.Response;
import org.firebreak.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

@FirebreakIntegrationTest
class IncidentApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    HttpApi api;

    @BeforeEach
    void client() {
        api = new HttpApi(port);
    }

    private JsonNode open(String json) {
        Response response = api.post("/api/v1/incidents", json);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static List<String> stepTitles(JsonNode incident) {
        List<String> titles = new ArrayList<>();
        incident.get("checklist").forEach(s -> titles.add(s.get("title").asString()));
        return titles;
    }

    private List<String> timelineKinds(String id) {
        List<String> kinds = new ArrayList<>();
        OwnEntries.of(api.get("/api/v1/incidents/" + id + "/timeline").json())
                .forEach(e -> kinds.add(e.get("kind").asString()));
        return kinds;
    }

    private long total() {
        return api.get("/api/v1/incidents?size=1").json().get("total").asLong();
    }

    @Test
    void fundsAtRiskDelegationFailureIsCriticalAndItsChecklistFollowsThePlan() {
        Response response = api.post("/api/v1/incidents", """
                {"title": "Redemptions revert for every dApp", "criteria": ["funds at risk"],
                 "type": "DELEGATION_FAILURE", "components": ["delegations"]}""");

        assertThat(response.status()).isEqualTo(201);
        JsonNode incident = response.json();
        String id = incident.get("id").asString();
        assertThat(id).matches("INC-\\d+");
        assertThat(response.location()).endsWith("/api/v1/incidents/" + id);
        assertThat(incident.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(incident.get("status").asString()).isEqualTo("TRIGGERED");
        assertThat(stepTitles(incident)).containsExactly("Pause system", "Assess impact", "Notify team", "Investigate",
                "Mitigate", "Notify stakeholders immediately", "Provide status updates", "Document all actions",
                "Check delegation framework", "Check permissions", "Check expiry times", "Review recent changes",
                "Implement fix");
        JsonNode first = incident.get("checklist").get(0);
        assertThat(first.get("kind").asString()).isEqualTo("AUTOMATED");
        assertThat(first.get("automation").asString()).isEqualTo("action:pause-contracts");
        assertThat(first.get("automationAvailable").asBoolean()).isTrue();
        assertThat(first.get("state").asString()).as("actions never run by themselves").isEqualTo("PENDING");
        JsonNode notifyTeam = incident.get("checklist").get(2);
        assertThat(notifyTeam.get("automation").asString()).isEqualTo("action:page-on-call");
        assertThat(notifyTeam.get("automationAvailable").asBoolean()).as("the on-call module runs it").isTrue();
        assertThat(notifyTeam.get("automationNote").isNull()).isTrue();

        List<JsonNode> timeline = OwnEntries.of(api.get("/api/v1/incidents/" + id + "/timeline").json());
        assertThat(timeline.get(0).get("kind").asString()).isEqualTo("OPENED");
        assertThat(timeline.get(0).get("actor").asString()).isEqualTo("alice");
        assertThat(timeline.get(1).get("text").asString()).contains("Classified CRITICAL").contains("Funds at risk");
    }

    @Test
    void incidentIdsAreSequentialAndAcceptedInEitherForm() {
        String a = open("{\"title\": \"one\", \"severity\": \"LOW\"}").get("id").asString();
        String b = open("{\"title\": \"two\", \"severity\": \"LOW\"}").get("id").asString();
        long n = Long.parseLong(a.substring(4));
        assertThat(b).isEqualTo("INC-" + (n + 1));
        assertThat(api.get("/api/v1/incidents/" + (n + 1)).json().get("title").asString()).isEqualTo("two");
        assertThat(api.get("/api/v1/incidents/inc-" + n).json().get("title").asString()).isEqualTo("one");
        assertThat(api.get("/api/v1/incidents/INC-999999").status()).isEqualTo(404);
        Response bad = api.get("/api/v1/incidents/banana");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("id");
    }

    @Test
    void anIllegalStatusMoveGets409ProblemDetailsNamingTheAllowedMovesAndWritesNothing() {
        String id = open("{\"title\": \"gas spike\", \"severity\": \"MEDIUM\"}").get("id").asString();
        List<String> before = timelineKinds(id);

        Response response = api.post("/api/v1/incidents/" + id + "/status", "{\"status\": \"CLOSED\"}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).isEqualTo(id + " cannot move from TRIGGERED to CLOSED; "
                + "allowed from TRIGGERED: ACKNOWLEDGED, INVESTIGATING, MITIGATED, RESOLVED");
        assertThat(api.get("/api/v1/incidents/" + id).json().get("status").asString()).isEqualTo("TRIGGERED");
        assertThat(timelineKinds(id)).isEqualTo(before);
    }

    @Test
    void malformedInputGets400NamingTheFieldAndWritesNothing() {
        long before = total();
        String tooLong = "x".repeat(201);

        assertField(api.post("/api/v1/incidents", "{\"title\": \"x\","), "body");
        assertField(api.post("/api/v1/incidents", "{\"title\": \"x\", \"severity\": \"URGENT\"}"), "severity")
                .contains("'URGENT' is not one of CRITICAL, HIGH, MEDIUM, LOW");
        assertField(api.post("/api/v1/incidents", "{\"title\": \"" + tooLong + "\", \"severity\": \"LOW\"}"), "title")
                .contains("200");
        assertField(api.post("/api/v1/incidents", "{\"title\": \"x\", \"severity\": \"LOW\", \"sevrity\": 1}"), "sevrity")
                .contains("unknown field");
        assertField(api.post("/api/v1/incidents", "{\"title\": \"x\", \"criteria\": [\"tuesday\"]}"), "criteria[0]")
                .contains("tuesday");
        assertField(api.post("/api/v1/incidents", "{\"title\": \"x\", \"severity\": \"LOW\", \"type\": \"NOPE_NOPE\"}"),
                "type").contains("DELEGATION_FAILURE");
        assertField(api.post("/api/v1/incidents", "{\"title\": \"x\"}"), "severity").contains("criteria");
        assertField(api.post("/api/v1/incidents", "{\"title\": \"  \", \"severity\": \"LOW\"}"), "title");
        assertField(api.send("POST", "/api/v1/incidents", "[1, 2]"), "body");

        assertThat(total()).isEqualTo(before);
    }

    @Test
    void malformedChangesToAnIncidentGet400AndLeaveItsTimelineAlone() {
        String id = open("{\"title\": \"slow\", \"severity\": \"HIGH\"}").get("id").asString();
        List<String> before = timelineKinds(id);

        assertField(api.post("/api/v1/incidents/" + id + "/status", "{\"status\": \"DONE\"}"), "status");
        assertField(api.post("/api/v1/incidents/" + id + "/notes", "{\"text\": \"" + "n".repeat(4001) + "\"}"), "text");
        assertField(api.post("/api/v1/incidents/" + id + "/checklist/1/skip", "{}"), "reason");
        assertField(api.post("/api/v1/incidents/" + id + "/checklist/x/complete", "{}"), "step");
        assertThat(api.as("alice").get("/api/v1/incidents?severity=SEVERE").status()).isEqualTo(400);

        assertThat(timelineKinds(id)).isEqualTo(before);
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertField(Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(problem.get("detail").asString()).startsWith(field + ":");
        return assertThat(problem.get("detail").asString());
    }

    @Test
    void walkingTheChecklistRecordsEveryStepOnTheTimeline() {
        String id = open("{\"title\": \"accounts fail\", \"severity\": \"HIGH\"}").get("id").asString();

        JsonNode afterDone = api.post("/api/v1/incidents/" + id + "/checklist/1/complete",
                "{\"note\": \"only new accounts\"}").json();
        JsonNode afterSkip = api.post("/api/v1/incidents/" + id + "/checklist/4/skip",
                "{\"reason\": \"nothing to watch yet\"}").json();
        Response again = api.post("/api/v1/incidents/" + id + "/checklist/1/complete", null);
        Response missing = api.post("/api/v1/incidents/" + id + "/checklist/99/complete", null);

        assertThat(afterDone.get("checklist").get(0).get("state").asString()).isEqualTo("DONE");
        assertThat(afterDone.get("checklist").get(0).get("by").asString()).isEqualTo("alice");
        assertThat(afterSkip.get("checklist").get(3).get("state").asString()).isEqualTo("SKIPPED");
        assertThat(afterSkip.get("checklist").get(3).get("note").asString()).isEqualTo("nothing to watch yet");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("already DONE");
        assertThat(missing.status()).isEqualTo(400);
        List<JsonNode> timeline = OwnEntries.of(api.get("/api/v1/incidents/" + id + "/timeline").json());
        assertThat(timeline.get(1).get("text").asString()).isEqualTo("Done: step 1 'Assess impact' - only new accounts");
        assertThat(timeline.get(2).get("text").asString()).isEqualTo("Skipped: step 4 'Monitor' - nothing to watch yet");
    }

    @Test
    void raisingHighToCriticalAddsTheCriticalStepsAndRecordsTheChange() {
        String id = open("{\"title\": \"degraded\", \"criteria\": [\"functionality degraded\"]}").get("id").asString();

        JsonNode raised = api.post("/api/v1/incidents/" + id + "/severity",
                "{\"severity\": \"CRITICAL\", \"reason\": \"paymaster drained\"}").json();

        assertThat(raised.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(stepTitles(raised)).startsWith("Pause system", "Assess impact", "Notify team", "Investigate",
                "Mitigate", "Notify stakeholders immediately", "Provide status updates", "Document all actions")
                .contains("Monitor", "Update status page");
        assertThat(timelineKinds(id)).endsWith("SEVERITY_CHANGED", "CHECKLIST_REPLANNED");
        JsonNode change = OwnEntries.of(api.get("/api/v1/incidents/" + id + "/timeline").json()).get(2);
        assertThat(change.get("before").asString()).isEqualTo("HIGH");
        assertThat(change.get("after").asString()).isEqualTo("CRITICAL");
    }

    @Test
    void timeToAcknowledgeAndResolveComeFromTheStatusTimestamps() {
        String id = open("{\"title\": \"rpc down\", \"criteria\": [\"system unavailable\"]}").get("id").asString();
        clock.advance(Duration.ofMinutes(4));
        api.post("/api/v1/incidents/" + id + "/status", "{\"status\": \"ACKNOWLEDGED\"}");
        clock.advance(Duration.ofMinutes(20));
        api.post("/api/v1/incidents/" + id + "/status", "{\"status\": \"MITIGATED\"}");
        clock.advance(Duration.ofMinutes(36));
        JsonNode resolved = api.post("/api/v1/incidents/" + id + "/status", "{\"status\": \"RESOLVED\"}").json();

        assertThat(resolved.get("timeToAcknowledge").asString()).isEqualTo("PT4M");
        assertThat(resolved.get("timeToResolve").asString()).isEqualTo("PT1H");
        assertThat(resolved.get("allowedNextStatuses")).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("INVESTIGATING", "CLOSED");
    }

    @Test
    void commanderRespondersComponentsAndNotesAreRecordedWithBeforeAndAfter() {
        String id = open("{\"title\": \"people\", \"severity\": \"LOW\", \"commander\": \"alice\"}").get("id").asString();

        api.as("bob").put("/api/v1/incidents/" + id + "/commander", "{\"commander\": \"carol\"}");
        api.post("/api/v1/incidents/" + id + "/responders", "{\"name\": \"dave\"}");
        api.post("/api/v1/incidents/" + id + "/components", "{\"name\": \"paymaster\"}");
        api.post("/api/v1/incidents/" + id + "/notes", "{\"text\": \"deposit at 0.01 ETH\"}");
        Response duplicate = api.post("/api/v1/incidents/" + id + "/responders", "{\"name\": \"dave\"}");
        JsonNode incident = api.delete("/api/v1/incidents/" + id + "/responders/dave").json();

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(incident.get("commander").asString()).isEqualTo("carol");
        assertThat(incident.get("responders")).isEmpty();
        assertThat(incident.get("components").get(0).asString()).isEqualTo("paymaster");
        List<JsonNode> timeline = OwnEntries.of(api.get("/api/v1/incidents/" + id + "/timeline").json());
        JsonNode commander = timeline.get(1);
        assertThat(commander.get("actor").asString()).isEqualTo("bob");
        assertThat(commander.get("before").asString()).isEqualTo("alice");
        assertThat(commander.get("after").asString()).isEqualTo("carol");
        assertThat(timelineKinds(id)).containsExactly("OPENED", "COMMANDER_CHANGED", "RESPONDER_ADDED",
                "COMPONENT_ADDED", "NOTE", "RESPONDER_REMOVED");
    }

    @Test
    void noEndpointEditsOrDeletesATimelineEntry() {
        String id = open("{\"title\": \"append only\", \"severity\": \"LOW\"}").get("id").asString();
        List<String> before = timelineKinds(id);

        assertThat(api.put("/api/v1/incidents/" + id + "/timeline", "[]").status()).isEqualTo(405);
        assertThat(api.delete("/api/v1/incidents/" + id + "/timeline").status()).isEqualTo(405);
        assertThat(api.delete("/api/v1/incidents/" + id + "/timeline/1").status()).isIn(404, 405);
        assertThat(api.put("/api/v1/incidents/" + id + "/timeline/1", "{\"text\": \"rewritten\"}").status()).isIn(404, 405);

        assertThat(timelineKinds(id)).isEqualTo(before);
    }

    @Test
    void listingFiltersByStatusSeverityAndTypeAndPages() {
        String critical = open("{\"title\": \"filter-me critical\", \"criteria\": [\"security breach\"], "
                + "\"type\": \"ACCOUNT_CREATION_FAILURE\"}").get("id").asString();
        String low = open("{\"title\": \"filter-me low\", \"severity\": \"LOW\"}").get("id").asString();
        api.post("/api/v1/incidents/" + low + "/status", "{\"status\": \"RESOLVED\"}");

        assertThat(ids("/api/v1/incidents?q=filter-me&severity=CRITICAL")).containsExactly(critical);
        assertThat(ids("/api/v1/incidents?q=filter-me&type=ACCOUNT_CREATION_FAILURE")).containsExactly(critical);
        assertThat(ids("/api/v1/incidents?q=filter-me&status=RESOLVED")).containsExactly(low);
        assertThat(ids("/api/v1/incidents?q=filter-me&open=true")).containsExactly(critical);
        assertThat(ids("/api/v1/incidents?q=filter-me&open=false")).containsExactly(low);
        assertThat(ids("/api/v1/incidents?q=FILTER-ME&size=1")).containsExactly(low);
        assertThat(ids("/api/v1/incidents?q=filter-me&size=1&page=1")).containsExactly(critical);
        assertThat(api.get("/api/v1/incidents?size=500").status()).isEqualTo(400);
    }

    private List<String> ids(String path) {
        List<String> ids = new ArrayList<>();
        api.get(path).json().get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    @Test
    void anAutomatedStepRunsItsExecutorAndAManualStepHasNothingToRun() {
        String id = open("{\"title\": \"accounts\", \"severity\": \"HIGH\", \"type\": \"ACCOUNT_CREATION_FAILURE\"}")
                .get("id").asString();
        JsonNode checklist = api.get("/api/v1/incidents/" + id + "/checklist").json();
        int rpcStep = stepNo(checklist, "check-rpc-endpoint-status");

        JsonNode ran = api.post("/api/v1/incidents/" + id + "/checklist/" + rpcStep + "/run", null).json();
        Response manual = api.post("/api/v1/incidents/" + id + "/checklist/1/run", null);

        JsonNode step = ran.get("checklist").get(rpcStep - 1);
        assertThat(step.get("automationAvailable").asBoolean()).isTrue();
        assertThat(step.get("state").asString()).isEqualTo("DONE");
        assertThat(step.get("outcome").get("result").asString()).as("this context has no chain profile").isEqualTo("WARN");
        assertThat(step.get("outcome").get("summary").asString()).startsWith("No chain profile to check against");
        assertThat(manual.status()).isEqualTo(409);
        assertThat(timelineKinds(id)).endsWith("STEP_RAN");
    }

    @Test
    void openingAnIncidentRunsItsDiagnosticStepsAtOnceButNeverItsActions() {
        String id = open("{\"title\": \"auto\", \"criteria\": [\"system unavailable\"], "
                + "\"type\": \"ACCOUNT_CREATION_FAILURE\"}").get("id").asString();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> timelineKinds(id).stream()
                .filter("STEP_RAN"::equals).count() == 4);

        JsonNode checklist = api.get("/api/v1/incidents/" + id + "/checklist").json();
        for (String check : List.of("check-rpc-endpoint-status", "check-entrypoint-contract",
                "check-account-factory-contract", "check-gas-prices")) {
            JsonNode step = checklist.get(stepNo(checklist, check) - 1);
            assertThat(step.get("state").asString()).as(check).isEqualTo("DONE");
            assertThat(step.get("by").asString()).isEqualTo("firebreak");
            assertThat(step.get("outcome").get("result").asString()).isEqualTo("WARN");
        }
        assertThat(checklist.get(stepNo(checklist, "pause-system") - 1).get("state").asString()).isEqualTo("PENDING");
    }

    private static int stepNo(JsonNode checklist, String stepId) {
        for (JsonNode step : checklist) {
            if (step.get("stepId").asString().equals(stepId)) {
                return step.get("no").asInt();
            }
        }
        throw new AssertionError("no step " + stepId);
    }

    @Test
    void theOpenApiDocumentAndSwaggerUiAreServed() {
        JsonNode doc = api.get("/v3/api-docs").json();
        assertThat(doc.get("paths").has("/api/v1/incidents")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/incidents/{id}/checklist/{step}/skip")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/playbooks/{id}")).isTrue();
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
