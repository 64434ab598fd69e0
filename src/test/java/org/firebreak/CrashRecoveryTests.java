package org.firebreak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.firebreak.support.FirebreakProcess;
import org.firebreak.support.HttpApi;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Everything the API acknowledged survives {@code kill -9} of the server. */
class CrashRecoveryTests {

    @Test
    void killDashNineLosesNoIncidentStepOrTimelineEntry() throws Exception {
        Path dataDir = Path.of("target/test-data/crash-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("server.log");
        String id;
        JsonNode timelineBefore;
        JsonNode incidentBefore;

        try (FirebreakProcess server = FirebreakProcess.start(dataDir, log)) {
            HttpApi api = new HttpApi(server.port());
            id = api.post("/api/v1/incidents", """
                    {"title": "EntryPoint code changed", "criteria": ["security breach"],
                     "type": "ACCOUNT_CREATION_FAILURE"}""").json().get("id").asString();
            String timelinePath = "/api/v1/incidents/" + id + "/timeline";
            // Opened, classified, 4 automated checks, and the stakeholders' notice delivered to the console.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> api.get(timelinePath).json().size() == 7);
            api.post("/api/v1/incidents/" + id + "/status", "{\"status\": \"ACKNOWLEDGED\"}");
            api.post("/api/v1/incidents/" + id + "/checklist/2/complete", "{\"note\": \"all new accounts\"}");
            api.post("/api/v1/incidents/" + id + "/checklist/1/skip", "{\"reason\": \"EntryPoint has no pause\"}");
            api.post("/api/v1/incidents/" + id + "/notes", "{\"text\": \"last write before the crash\"}");
            incidentBefore = api.get("/api/v1/incidents/" + id).json();
            timelineBefore = api.get("/api/v1/incidents/" + id + "/timeline").json();

            server.killHard();
        }

        try (FirebreakProcess restarted = FirebreakProcess.start(dataDir, log)) {
            HttpApi api = new HttpApi(restarted.port());
            JsonNode incident = api.get("/api/v1/incidents/" + id).json();
            JsonNode timeline = api.get("/api/v1/incidents/" + id + "/timeline").json();

            assertThat(incident).isEqualTo(incidentBefore);
            assertThat(timeline).isEqualTo(timelineBefore);
            assertThat(timeline.size()).as("opened, classified, 4 automated checks, the notice, 4 changes").isEqualTo(11);
            assertThat(timeline.get(10).get("text").asString()).isEqualTo("last write before the crash");
            assertThat(timeline.valueStream().map(e -> e.get("text").asString()))
                    .contains("STAKEHOLDER_NOTICE via console stakeholders attempt 1: delivered (written to the log)");
            assertThat(incident.get("checklist").get(1).get("state").asString()).isEqualTo("DONE");
        }
    }
}
