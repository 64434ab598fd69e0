package org.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.firebreak.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Operators may name an automation in their own playbooks that no executor in this Firebreak serves: the incident
 * takes their version of the procedure, the step says honestly that it is done by hand, and running it is refused
 * without a trace on the timeline.
 */
@FirebreakIntegrationTest
class OperatorPlaybookTests {

    @DynamicPropertySource
    static void operatorPlaybooks(DynamicPropertyRegistry registry) {
        registry.add("firebreak.playbooks.directory", () -> "src/test/resources/operator-playbooks/uninstalled-automation");
    }

    @LocalServerPort
    int port;

    @Test
    void aStepWhoseAutomationHasNoExecutorSaysSoAndCannotBeRun() {
        HttpApi api = new HttpApi(port).as("carol");
        String id = api.post("/api/v1/incidents", "{\"title\": \"war room\", \"severity\": \"HIGH\", \"commander\": \"carol\"}")
                .json().get("id").asString();
        JsonNode step = null;
        for (JsonNode s : api.get("/api/v1/incidents/" + id + "/checklist").json()) {
            if (s.get("stepId").asString().equals("post-in-war-room")) {
                step = s;
            }
        }
        assertThat(step).as("the operator's version of the High procedure is the one instantiated").isNotNull();
        assertThat(step.get("playbookVersion").asInt()).isEqualTo(2);
        assertThat(step.get("automationAvailable").asBoolean()).isFalse();
        assertThat(step.get("automationNote").asString()).isEqualTo("No executor for 'action:post-in-war-room' is "
                + "installed in this Firebreak yet: do this step by hand and tick it.");
        List<JsonNode> before = OwnEntries.of(api.get("/api/v1/incidents/" + id + "/timeline").json());

        Response run = api.post("/api/v1/incidents/" + id + "/checklist/" + step.get("no").asInt() + "/run",
                "{\"confirm\": true}");

        assertThat(run.status()).isEqualTo(409);
        assertThat(run.contentType()).startsWith("application/problem+json");
        assertThat(run.json().get("detail").asString()).isEqualTo(step.get("automationNote").asString());
        assertThat(OwnEntries.of(api.get("/api/v1/incidents/" + id + "/timeline").json())).hasSameSizeAs(before);
        Response ticked = api.post("/api/v1/incidents/" + id + "/checklist/" + step.get("no").asInt() + "/complete",
                "{\"note\": \"posted by hand\"}");
        assertThat(ticked.status()).as("done by hand instead").isEqualTo(200);
    }
}
