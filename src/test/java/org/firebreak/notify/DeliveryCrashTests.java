package org.firebreak.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.firebreak.support.FirebreakProcess;
import org.firebreak.support.HttpApi;
import org.firebreak.support.WebhookReceiver;
import org.firebreak.support.WebhookReceiver.Received;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * {@code kill -9} while a notification is on its way: the server dies with a webhook request in flight (the receiver
 * holds it unanswered), and after the restart the delivery is made again under the same idempotency key and settles
 * as one delivered notification. Requests are held in a real separate process, killed with SIGKILL.
 */
@Tag("integration")
class DeliveryCrashTests {

    @Test
    void aDeliveryInFlightWhenTheServerIsKilledIsDeliveredAfterTheRestartUnderTheSameKey() throws Exception {
        Path dataDir = Path.of("target/test-data/notify-crash-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(dataDir.resolve("config"));
        Path log = dataDir.resolve("server.log");
        // Attempts time out after 2 s, so an attempt's lease (twice that, plus 5 s) runs out 9 s after it began.
        // No paging: the stakeholders' notice is this test's only message.
        Map<String, String> env = Map.of("FIREBREAK_NOTIFY_REQUESTTIMEOUT", "2s", "FIREBREAK_ONCALL_PAGING", "false");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Files.writeString(dataDir.resolve("config/stakeholders.yml"), """
                    groups:
                      - name: everyone
                        components: ["*"]
                        notify:
                          - channel: webhook
                            address: %s
                    """.formatted(receiver.url("/stakeholders")));
            receiver.hang();
            String id;
            try (FirebreakProcess server = FirebreakProcess.start(dataDir, log, env)) {
                HttpApi api = new HttpApi(server.port());
                id = api.post("/api/v1/incidents", """
                        {"title": "Delegations paused by an unknown key", "severity": "CRITICAL",
                         "components": ["delegations"]}""").json().get("id").asString();
                assertThat(receiver.await("/stakeholders", 1, Duration.ofSeconds(30))).hasSize(1);
                server.killHard();
            }
            receiver.release();

            try (FirebreakProcess restarted = FirebreakProcess.start(dataDir, log, env)) {
                HttpApi api = new HttpApi(restarted.port());
                String path = "/api/v1/incidents/" + id + "/notifications";
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> api.get(path).json().get(0).get("status").asString().equals("DELIVERED"));

                List<Received> requests = receiver.received("/stakeholders");
                assertThat(requests).hasSize(2);
                assertThat(requests.get(1).header("Idempotency-Key")).isEqualTo(requests.get(0).header("Idempotency-Key"));
                assertThat(requests.get(1).text()).isEqualTo(requests.get(0).text());
                assertThat(requests).extracting(r -> r.header("X-Firebreak-Attempt")).containsExactly("1", "2");
                JsonNode deliveries = api.get(path).json();
                assertThat(deliveries.size()).isEqualTo(1);
                assertThat(deliveries.get(0).get("kind").asString()).isEqualTo("STAKEHOLDER_NOTICE");
                assertThat(deliveries.get(0).get("attempts").asInt()).isEqualTo(2);
                List<String> notes = api.get("/api/v1/incidents/" + id + "/timeline").json().valueStream()
                        .filter(e -> e.get("kind").asString().equals("NOTIFICATION")).map(e -> e.get("text").asString())
                        .toList();
                assertThat(notes).containsExactly(
                        "STAKEHOLDER_NOTICE via webhook http://127.0.0.1:" + receiverPort(receiver)
                                + "/… attempt 1: no outcome (the process sending it stopped); trying again",
                        "STAKEHOLDER_NOTICE via webhook http://127.0.0.1:" + receiverPort(receiver)
                                + "/… attempt 2: delivered (HTTP 200)");
                Thread.sleep(1500);
                assertThat(receiver.received("/stakeholders")).as("delivered once: nothing more after").hasSize(2);
            }
        }
    }

    private static int receiverPort(WebhookReceiver receiver) {
        return java.net.URI.create(receiver.url("/")).getPort();
    }
}
