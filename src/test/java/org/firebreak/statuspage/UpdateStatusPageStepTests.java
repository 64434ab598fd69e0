package org.firebreak.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.firebreak.support.HttpApi.Response;
import org.firebreak.support.OwnSchema;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The High procedure's "Update status page" step, run by the commander: it posts the public update the page lacks,
 * says what the public now sees, posts nothing when the page already says where the incident stands, and follows the
 * incident to monitoring. On a store of its own, so the components it reads are marked by its incidents only.
 */
@FirebreakIntegrationTest
class UpdateStatusPageStepTests {

    @DynamicPropertySource
    static void ownStore(DynamicPropertyRegistry registry) {
        registry.add("firebreak.statuspage.name", () -> "Update status page step test");
        OwnSchema.register(registry);
    }

    @LocalServerPort
    int port;

    private HttpApi as(String name) {
        return new HttpApi(port).as(name);
    }

    private String openHigh(String title, String components) {
        Response opened = as("alice").post("/api/v1/incidents", "{\"title\": \"" + title + "\", \"severity\": \"HIGH\","
                + " \"commander\": \"carol\", \"components\": " + components + "}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().get("id").asString();
    }

    private int stepNo(String id) {
        JsonNode checklist = as("carol").get("/api/v1/incidents/" + id + "/checklist").json();
        for (JsonNode step : checklist) {
            if ("update-status-page".equals(step.get("stepId").asString())) {
                assertThat(step.get("automationAvailable").asBoolean()).isTrue();
                return step.get("no").asInt();
            }
        }
        throw new AssertionError("no update-status-page step in " + checklist);
    }

    private JsonNode run(String id) {
        int no = stepNo(id);
        Response ran = as("carol").post("/api/v1/incidents/" + id + "/checklist/" + no + "/run", "{\"confirm\": true}");
        assertThat(ran.status()).as(ran.body()).isEqualTo(200);
        return ran.json().get("checklist").get(no - 1).get("outcome");
    }

    private JsonNode onThePage(String id) {
        for (JsonNode incident : as("alice").anonymous().get("/status/api/v2/summary.json").json().get("incidents")) {
            if (incident.get("id").asString().equals(id)) {
                return incident;
            }
        }
        throw new AssertionError(id + " is not on the status page");
    }

    private List<String> bodies(JsonNode pageIncident) {
        List<String> bodies = new ArrayList<>();
        pageIncident.get("incident_updates").forEach(u -> bodies.add(u.get("status").asString() + ": "
                + u.get("body").asString()));
        return bodies;
    }

    @Test
    void theStepPostsThePublicUpdateOnceAndFollowsTheIncidentToMonitoring() {
        String id = openHigh("Bundler drops user operations", "[\"bundler\"]");
        assertThat(onThePage(id).get("incident_updates")).as("listed by itself, but without a word").isEmpty();

        JsonNode outcome = run(id);
        assertThat(outcome.get("result").asString()).isEqualTo("OK");
        assertThat(outcome.get("summary").asString()).matches("Posted public update #\\d+ \\(investigating\\) to "
                + "http://.+/status; it shows User operations as partial outage");
        assertThat(outcome.at("/evidence/components").asString()).isEqualTo("User operations: Partial outage");
        assertThat(bodies(onThePage(id))).containsExactly("investigating: We are investigating: Bundler drops user "
                + "operations. It affects User operations. We will post updates here as we learn more.");

        JsonNode again = run(id);
        assertThat(again.get("result").asString()).isEqualTo("OK");
        assertThat(again.get("summary").asString()).startsWith("The status page already says investigating (update #")
                .contains("by carol): nothing posted");
        assertThat(onThePage(id).get("incident_updates")).as("a re-run posts nothing twice").hasSize(1);

        assertThat(as("carol").post("/api/v1/incidents/" + id + "/status", "{\"status\": \"MITIGATED\"}").status())
                .isEqualTo(200);
        assertThat(run(id).get("summary").asString()).contains("(monitoring)");
        assertThat(bodies(onThePage(id))).first().isEqualTo("monitoring: A fix is in place for: Bundler drops user "
                + "operations. It affects User operations. We are monitoring the results.");

        List<String> timeline = new ArrayList<>();
        as("carol").get("/api/v1/incidents/" + id + "/timeline").json().forEach(e -> {
            if (e.get("kind").asString().equals("STATUS_UPDATE")) {
                timeline.add(e.get("actor").asString() + ": " + e.get("text").asString());
            }
        });
        assertThat(timeline).hasSize(2).allMatch(e -> e.startsWith("carol: Status update (public, "));
    }

    @Test
    void anIncidentWhoseComponentsThePageDoesNotNameIsPostedWithAWarning() {
        String id = openHigh("Something odd.", "[\"indexer\"]");

        JsonNode outcome = run(id);

        assertThat(outcome.get("result").asString()).isEqualTo("WARN");
        assertThat(outcome.get("summary").asString()).endsWith("the page names none of the incident's components "
                + "(add them so that readers see what is affected)");
        assertThat(bodies(onThePage(id))).containsExactly("investigating: We are investigating: Something odd. "
                + "We will post updates here as we learn more.");
    }
}
