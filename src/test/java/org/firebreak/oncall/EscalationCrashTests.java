package org.firebreak.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.firebreak.support.FirebreakProcess;
import org.firebreak.support.HttpApi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * A page that falls due while the server is dead ({@code kill -9}) is sent once after the restart: its timer is a
 * row in the store, and the page, its timeline entry, its notification request and the removal of the timer commit
 * together. Runs a real separate server with a 5-second acknowledge timeout.
 */
@Tag("integration")
class EscalationCrashTests {

    private static final String ONCALL = """
            people:
              - { id: alice, contacts: [{ channel: CONSOLE, address: alice }] }
              - { id: bob, contacts: [{ channel: CONSOLE, address: bob }] }
            schedules:
              - id: primary
                timeZone: UTC
                layers:
                  - { rotation: DAILY, handoff: "00:00", start: 2020-01-01, participants: [alice] }
            policies:
              - id: fast
                ackTimeout: { CRITICAL: 5s }
                levels:
                  - { name: On-call engineer, schedule: primary }
                  - { name: Senior engineer, people: [bob] }
            """;

    @Test
    void aPageThatFellDueWhileTheServerWasKilledIsSentOnceAfterTheRestart() throws Exception {
        Path dataDir = Path.of("target/test-data/escalation-crash-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(dataDir.resolve("config"));
        Files.writeString(dataDir.resolve("config/oncall.yml"), ONCALL);
        Path log = dataDir.resolve("server.log");
        String id;
        Instant levelTwoDue;

        try (FirebreakProcess server = FirebreakProcess.start(dataDir, log)) {
            HttpApi api = new HttpApi(server.port());
            id = api.post("/api/v1/incidents", """
                    {"title": "Paymaster deposit drained", "severity": "CRITICAL"}""").json().get("id").asString();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> paged(api, id, 1) == 1);
            levelTwoDue = Instant.parse(api.get("/api/v1/incidents/" + id + "/escalation").json().get("next").get("at")
                    .asString());
            server.killHard();
            assertThat(Instant.now()).as("the server died before level 2 was due").isBefore(levelTwoDue);
        }
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), levelTwoDue).toMillis()) + 1000);

        try (FirebreakProcess restarted = FirebreakProcess.start(dataDir, log)) {
            HttpApi api = new HttpApi(restarted.port());
            await().atMost(Duration.ofSeconds(30)).until(() -> paged(api, id, 2) >= 1);
            Thread.sleep(2000); // time for a duplicate to show, were there one

            assertThat(paged(api, id, 1)).as("level 1 paged once, before the crash").isEqualTo(1);
            assertThat(paged(api, id, 2)).as("level 2 paged once, after the restart").isEqualTo(1);
            JsonNode escalation = api.get("/api/v1/incidents/" + id + "/escalation").json();
            assertThat(StreamSupport.stream(escalation.get("pages").spliterator(), false)
                    .map(p -> p.get("level").asInt() + ":" + p.get("person").asString()).toList())
                    .containsExactly("1:alice", "2:bob");
            assertThat(escalation.get("next").get("what").asString()).isEqualTo("out of levels");
        }
    }

    private static long paged(HttpApi api, String id, int level) {
        List<String> texts = StreamSupport.stream(api.get("/api/v1/incidents/" + id + "/timeline").json().spliterator(), false)
                .filter(e -> e.get("kind").asString().equals("ESCALATION")).map(e -> e.get("text").asString()).toList();
        return texts.stream().filter(t -> t.startsWith("Paged level " + level + " ")).count();
    }
}
