package org.firebreak.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.firebreak.support.FirebreakProcess;
import org.firebreak.support.HttpApi;
import org.firebreak.support.OwnSchema;
import org.firebreak.support.SmtpRelay;
import org.firebreak.support.WebhookReceiver;
import org.firebreak.support.WebhookReceiver.Received;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * {@code kill -9} between "attempt recorded" and "outcome recorded", on every channel at once: alice's page is on
 * its way to her Slack webhook, her email (GreenMail behind a relay that withholds the server's answer) and her own
 * webhook, all three have the message, and none has answered when the server dies. After the restart Slack and
 * email are not sent again (the timeline says why), the webhook is, under the same idempotency key, and the next
 * level, which fell due while the server was dead, pages bob as usual. Runs a real separate server.
 */
@Tag("integration")
class UnknownOutcomeCrashTests {

    private static final String ONCALL = """
            people:
              - id: alice
                contacts:
                  - { channel: SLACK, address: "%s" }
                  - { channel: EMAIL, address: alice@firebreak.test }
                  - { channel: WEBHOOK, address: "%s" }
              - id: bob
                contacts:
                  - { channel: SLACK, address: "%s" }
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
    void slackAndEmailShowAPageAtMostOnceAfterACrashWhileTheWebhookGetsItAgainUnderItsKey() throws Exception {
        Path dataDir = Path.of("target/test-data/unknown-outcome-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(dataDir.resolve("config"));
        Path log = dataDir.resolve("server.log");
        int smtpPort;
        try (ServerSocket free = new ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (WebhookReceiver receiver = new WebhookReceiver(); SmtpRelay relay = new SmtpRelay(smtpPort)) {
            Files.writeString(dataDir.resolve("config/oncall.yml"), ONCALL.formatted(receiver.url("/slack/alice"),
                    receiver.url("/hook/alice"), receiver.url("/slack/bob")));
            // Attempts time out after 5 s (email after its own 5 s), so the server dies with all three unanswered;
            // an attempt's lease (twice that, plus 5 s) runs out 15 s after it began.
            Map<String, String> env = new HashMap<>(OwnSchema.environment());
            env.putAll(Map.of("FIREBREAK_NOTIFY_REQUESTTIMEOUT", "5s", "SPRING_MAIL_HOST", "127.0.0.1",
                    "SPRING_MAIL_PORT", String.valueOf(relay.port())));
            receiver.hang();
            relay.hold();
            String id;
            try (FirebreakProcess server = FirebreakProcess.start(dataDir, log, env)) {
                HttpApi api = new HttpApi(server.port());
                id = api.post("/api/v1/incidents", """
                        {"title": "Bundler key drained", "severity": "CRITICAL"}""").json().get("id").asString();
                assertThat(receiver.await("/slack/alice", 1, Duration.ofSeconds(30))).hasSize(1);
                assertThat(receiver.await("/hook/alice", 1, Duration.ofSeconds(30))).hasSize(1);
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                        .until(() -> relay.withheld() == 1);
                assertThat(smtp.waitForIncomingEmail(3000, 1)).as("the SMTP server took the message").isTrue();
                server.killHard();
            }
            receiver.release();
            relay.release();

            try (FirebreakProcess restarted = FirebreakProcess.start(dataDir, log, env)) {
                HttpApi api = new HttpApi(restarted.port());
                String path = "/api/v1/incidents/" + id + "/notifications";
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                        .until(() -> statuses(api.get(path).json()).equals(List.of(
                                "SLACK:alice:UNKNOWN:1", "EMAIL:alice:UNKNOWN:1", "WEBHOOK:alice:DELIVERED:2",
                                "SLACK:bob:DELIVERED:1")));
                Thread.sleep(2000); // time for a duplicate to show, were there one

                List<String> timeline = api.get("/api/v1/incidents/" + id + "/timeline").json().valueStream()
                        .map(e -> e.get("kind").asString() + " " + e.get("text").asString()).toList();
                // Paging stops at the end of level 2 and tells alice so: only her page counts here.
                String page = id + ":page:L1:alice/";
                assertThat(receiver.received("/slack/alice")).filteredOn(r -> r.header("Idempotency-Key").startsWith(page))
                        .as("Slack saw alice's page once; the timeline:%n%s", String.join("\n", timeline)).hasSize(1);
                assertThat(smtp.getReceivedMessages()).filteredOn(m -> deliveryKey(m).startsWith(page)).as("alice's mailbox has her page once").hasSize(1);
                List<Received> hook = receiver.received("/hook/alice").stream()
                        .filter(r -> r.header("Idempotency-Key").startsWith(page)).toList();
                assertThat(hook).as("the webhook got it again").hasSize(2);
                assertThat(hook.get(1).header("Idempotency-Key")).isEqualTo(hook.get(0).header("Idempotency-Key"))
                        .isEqualTo(id + ":page:L1:alice/3");
                assertThat(hook.get(1).text()).isEqualTo(hook.get(0).text());
                assertThat(hook).extracting(r -> r.header("X-Firebreak-Attempt")).containsExactly("1", "2");
                assertThat(receiver.received("/slack/bob")).filteredOn(r -> r.header("Idempotency-Key")
                        .startsWith(id + ":page:L2:bob/")).as("level 2, due while the server was dead, paged bob")
                        .hasSize(1);

                String slack = "http://127.0.0.1:" + URI.create(receiver.url("/")).getPort() + "/…";
                List<String> notes = api.get("/api/v1/incidents/" + id + "/timeline").json().valueStream()
                        .filter(e -> e.get("kind").asString().equals("NOTIFICATION"))
                        .map(e -> e.get("text").asString()).toList();
                String why = "outcome unknown (the process sending it stopped); not sent again to avoid a duplicate (%s"
                        + " cannot drop a repeat); escalation goes on while nobody acknowledges";
                assertThat(notes).contains(
                        "PAGE to alice via slack " + slack + " attempt 1: " + why.formatted("slack"),
                        "PAGE to alice via email alice@firebreak.test attempt 1: " + why.formatted("email"),
                        "PAGE to alice via webhook " + slack
                                + " attempt 1: no outcome (the process sending it stopped); trying again",
                        "PAGE to alice via webhook " + slack + " attempt 2: delivered (HTTP 200)",
                        "PAGE to bob via slack " + slack + " attempt 1: delivered (HTTP 200)");
                assertThat(notes).filteredOn(n -> n.startsWith("PAGE to alice via slack")).hasSize(1);
                assertThat(notes).filteredOn(n -> n.startsWith("PAGE to alice via email")).hasSize(1);
            }
        } finally {
            smtp.stop();
        }
    }

    private static String deliveryKey(MimeMessage message) {
        try {
            return message.getHeader("X-Firebreak-Delivery")[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code CHANNEL:person:STATUS:attempts} per delivery of the incident's pages, oldest first. */
    private static List<String> statuses(JsonNode deliveries) {
        return deliveries.valueStream().filter(d -> d.get("kind").asString().equals("PAGE"))
                .map(d -> d.get("channel").asString() + ":" + d.get("person").asString() + ":"
                        + d.get("status").asString() + ":" + d.get("attempts").asInt())
                .toList();
    }
}
