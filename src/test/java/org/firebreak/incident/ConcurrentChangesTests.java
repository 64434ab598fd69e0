package org.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Responders working one incident at the same moment: every accepted change lands, in one gapless order. */
@FirebreakIntegrationTest
class ConcurrentChangesTests {

    @LocalServerPort
    int port;

    @Test
    void simultaneousNotesAndStepChangesOnOneIncidentAreAllRecorded() throws Exception {
        HttpApi api = new HttpApi(port);
        String id = api.post("/api/v1/incidents", "{\"title\": \"busy\", \"criteria\": [\"funds at risk\"]}").json()
                .get("id").asString();
        int notes = 40;
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> results = new ArrayList<>();
            IntStream.range(0, notes).forEach(i -> results.add(pool.submit(() -> new HttpApi(port).as("r" + i)
                    .post("/api/v1/incidents/" + id + "/notes", "{\"text\": \"note " + i + "\"}").status())));
            IntStream.rangeClosed(1, 8).forEach(step -> results.add(pool.submit(() -> new HttpApi(port)
                    .post("/api/v1/incidents/" + id + "/checklist/" + step + "/complete", null).status())));
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
        }

        assertThat(statuses).containsOnly(200);
        JsonNode timeline = api.get("/api/v1/incidents/" + id + "/timeline").json();
        assertThat(OwnEntries.of(timeline)).hasSize(2 + notes + 8);
        for (int i = 0; i < timeline.size(); i++) {
            assertThat(timeline.get(i).get("seq").asInt()).isEqualTo(i + 1);
        }
        JsonNode checklist = api.get("/api/v1/incidents/" + id + "/checklist").json();
        for (int step = 0; step < 8; step++) {
            assertThat(checklist.get(step).get("state").asString()).isEqualTo("DONE");
        }
    }
}
