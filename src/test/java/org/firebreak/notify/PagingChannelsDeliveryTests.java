package org.firebreak.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.firebreak.incident.OpenIncidentBuilder.anIncident;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.TimelineEntry;
import org.firebreak.incident.TimelineKind;
import org.firebreak.shared.Severity;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.firebreak.support.OwnSchema;
import org.firebreak.support.PagingChannelServers;
import org.firebreak.support.WebhookReceiver.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivery over ntfy, Telegram, Matrix and an SMS gateway, each a server of its own on 127.0.0.1, through the
 * application's own delivery (after commit, each destination on its own thread, retries as db-scheduler executions):
 * one attempt reaches each once; a server that hangs, fails or is gone delays no other; Matrix, which drops a
 * repeated transaction id, is retried under the same one, while Telegram's unanswered attempt is not sent again.
 */
@FirebreakIntegrationTest
class PagingChannelsDeliveryTests {

    static final PagingChannelServers servers = new PagingChannelServers();
    static final String ROOM = "!OpsRoom:matrix.example.org";
    static final String PHONE = "+4915112345678";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        OwnSchema.register(registry);
        servers.register(registry);
        registry.add("firebreak.scheduler.enabled", () -> "true");
        registry.add("firebreak.notify.retry.attempts", () -> "3");
        registry.add("firebreak.notify.retry.initial-backoff", () -> "200ms");
        registry.add("firebreak.notify.request-timeout", () -> "3s");
    }

    @Autowired
    NotificationApi notifications;
    @Autowired
    IncidentApi incidents;
    @Autowired
    JsonMapper json;
    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        servers.close();
    }

    @Test
    void aCriticalPageReachesEachChannelOnceWithItsPriorityTextAndAcknowledgeLink() throws Exception {
        IncidentId incident = openIncident();
        String topic = "dana-" + UUID.randomUUID().toString().substring(0, 8);
        String chat = "-100" + (System.nanoTime() % 1_000_000_000L);
        String ack = "http://127.0.0.1:" + port + "/ack/v1.test.link";

        notifications.request(page(incident, incident + ":page:L1:dana:" + UUID.randomUUID(), ack, new Destination(ChannelKind.NTFY, topic, "dana"),
                new Destination(ChannelKind.TELEGRAM, chat, "dana"), new Destination(ChannelKind.MATRIX, ROOM, "dana"),
                new Destination(ChannelKind.SMS, PHONE, "dana")));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(statuses(incident)).as(timeline(incident)
                .toString()).containsExactly("DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED"));
        Received ntfy = only(servers.ntfy.all(), r -> json.readTree(r.text()).get("topic").asString().equals(topic));
        JsonNode push = json.readTree(ntfy.text());
        assertThat(push.get("priority").asInt()).isEqualTo(5);
        assertThat(push.get("title").asString()).isEqualTo("[CRITICAL] Page for " + incident + ": Delegation redemptions failing");
        assertThat(push.get("actions").get(0).get("url").asString()).isEqualTo(ack);
        assertThat(push.get("actions").get(0).get("method").asString()).isEqualTo("POST");
        assertThat(ntfy.header("Authorization")).isEqualTo("Bearer " + PagingChannelServers.NTFY_TOKEN);

        Received telegram = only(servers.telegram.all(), r -> json.readTree(r.text()).get("chat_id").toString().equals(chat));
        assertThat(telegram.rawPath()).isEqualTo(PagingChannelServers.telegramPath());
        assertThat(json.readTree(telegram.text()).get("text").asString())
                .contains("You are paged for " + incident).contains("Acknowledge (works once): " + ack);

        Received matrix = only(servers.matrix.all(), r -> r.rawPath().contains(MatrixSender.encoded(incident + ":")));
        assertThat(matrix.method()).isEqualTo("PUT");
        assertThat(matrix.header("Authorization")).isEqualTo("Bearer " + PagingChannelServers.MATRIX_TOKEN);
        assertThat(json.readTree(matrix.text()).get("formatted_body").asString())
                .contains("<a href=\"" + ack + "\">Acknowledge</a>");

        Received text = only(servers.sms.all(), r -> r.text().contains(incident + " CRITICAL:"));
        assertThat(text.rawPath()).isEqualTo(PagingChannelServers.SMS_PATH);
        assertThat(json.readTree(text.text()).get("text").asString())
                .isEqualTo(incident + " CRITICAL: Delegation redemptions failing Ack: " + ack);
        assertThat(json.readTree(text.text()).get("to").asString()).isEqualTo(PHONE);

        String everything = api().get("/api/v1/incidents/" + incident + "/notifications").body() + timeline(incident);
        assertThat(everything).as("no token or password is shown").doesNotContain(PagingChannelServers.BOT_TOKEN)
                .doesNotContain(PagingChannelServers.MATRIX_TOKEN).doesNotContain(PagingChannelServers.NTFY_TOKEN)
                .doesNotContain(PagingChannelServers.SMS_PASSWORD).doesNotContain(topic).doesNotContain(PHONE);
        assertThat(timeline(incident)).containsExactlyInAnyOrder(
                "PAGE to dana via ntfy " + topic.substring(0, 2) + "… attempt 1: delivered (HTTP 200)",
                "PAGE to dana via telegram " + chat + " attempt 1: delivered (HTTP 200)",
                "PAGE to dana via matrix " + ROOM + " attempt 1: delivered (HTTP 200)",
                "PAGE to dana via sms +49…78 attempt 1: delivered (HTTP 200)");
    }

    @Test
    void aTelegramThatHangsAnNtfyThatIsGoneAndAMatrixAnswering500DelayNoOtherChannel() throws Exception {
        IncidentId incident = openIncident();
        String key = incident + ":page:L1:erin:" + UUID.randomUUID();
        String goneNtfy = "http://127.0.0.1:" + PagingChannelServers.closedPort() + "/erin-topic";
        String matrixPath = "/_matrix/client/v3/rooms/" + ROOM + "/send/m.room.message/" + key + "/3";
        servers.matrix.answer(matrixPath, 500);
        servers.telegram.hang();
        try {
            long requested = System.nanoTime();
            notifications.request(page(incident, key, "http://127.0.0.1:" + port + "/ack/v1.other.link",
                    new Destination(ChannelKind.TELEGRAM, "424242", "erin"), new Destination(ChannelKind.NTFY, goneNtfy, "erin"),
                    new Destination(ChannelKind.MATRIX, ROOM, "erin"), new Destination(ChannelKind.SMS, "+15550100042", "erin")));

            List<Received> sms = awaitRequests(() -> servers.sms.all().stream()
                    .filter(r -> r.text().contains("+15550100042")).toList(), 1);
            assertThat(Duration.ofNanos(sms.getFirst().nanos() - requested)).as("the SMS does not wait for Telegram's 3 s")
                    .isLessThan(Duration.ofSeconds(2));
            List<Received> matrix = servers.matrix.await(matrixPath, 2, Duration.ofSeconds(10));
            assertThat(matrix).as("500, then again under the same transaction id").hasSize(2);
            assertThat(Duration.ofNanos(matrix.get(1).nanos() - requested)).isLessThan(Duration.ofSeconds(2));
            assertThat(matrix.get(1).rawPath()).isEqualTo(matrix.getFirst().rawPath())
                    .endsWith("/send/m.room.message/" + MatrixSender.encoded(key + "/3"));
            assertThat(matrix.get(1).text()).isEqualTo(matrix.getFirst().text());

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(statuses(incident))
                    .as(timeline(incident).toString()).containsExactly("UNKNOWN", "FAILED", "DELIVERED", "DELIVERED"));
        } finally {
            servers.telegram.release();
        }
        assertThat(servers.telegram.all().stream().filter(r -> r.text().contains("424242")).count())
                .as("Telegram cannot drop a repeat: its unanswered attempt is not made again").isEqualTo(1);
        List<String> lines = timeline(incident);
        assertThat(lines).contains("PAGE to erin via telegram 424242 attempt 1: no answer within 3s; outcome unknown (it "
                + "may have arrived); not sent again to avoid a duplicate (telegram cannot drop a repeat); escalation goes "
                + "on while nobody acknowledges",
                "PAGE to erin via matrix " + ROOM + " attempt 1: HTTP 500, retrying in 200ms",
                "PAGE to erin via matrix " + ROOM + " attempt 2: delivered (HTTP 200)",
                "PAGE to erin via sms +15…42 attempt 1: delivered (HTTP 200)");
        assertThat(lines).anyMatch(l -> l.startsWith("PAGE to erin via ntfy http://127.0.0.1:") && l.contains("/… attempt 3: "
                + "cannot connect") && l.endsWith("; FAILED after 3 attempts"));
    }

    private NotificationRequest page(IncidentId incident, String key, String ack, Destination... to) {
        return new NotificationRequest(incident, MessageKind.PAGE, List.of(to), Map.of("level", "1", "levelName",
                "On-call engineer", "ackUrl", ack, "reason", "initial page"), key);
    }

    private IncidentId openIncident() {
        return incidents.open(anIncident().withSeverity(Severity.CRITICAL).affecting("delegations").build(), "alice").id();
    }

    private static Received only(List<Received> all, java.util.function.Predicate<Received> match) {
        List<Received> found = all.stream().filter(match).toList();
        assertThat(found).as("exactly one request").hasSize(1);
        return found.getFirst();
    }

    private static List<Received> awaitRequests(java.util.function.Supplier<List<Received>> requests, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> requests.get().size() >= count);
        return requests.get();
    }

    private HttpApi api() {
        return new HttpApi(port);
    }

    private List<String> statuses(IncidentId incident) {
        List<String> out = new ArrayList<>();
        api().get("/api/v1/incidents/" + incident + "/notifications").json().forEach(d -> {
            if (d.get("kind").asString().equals("PAGE")) {
                out.add(d.get("status").asString());
            }
        });
        return out;
    }

    /** The pages' lines on the timeline (a Critical incident also tells its stakeholders, on the console). */
    private List<String> timeline(IncidentId incident) {
        return incidents.timeline(incident).stream().filter(e -> e.kind() == TimelineKind.NOTIFICATION)
                .map(TimelineEntry::text).filter(t -> t.startsWith("PAGE ")).toList();
    }
}
