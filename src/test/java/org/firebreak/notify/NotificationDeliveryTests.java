package org.firebreak.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.firebreak.incident.OpenIncidentBuilder.anIncident;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.TimelineEntry;
import org.firebreak.incident.TimelineKind;
import org.firebreak.shared.Severity;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.firebreak.support.OwnSchema;
import org.firebreak.support.SmtpRelay;
import org.firebreak.support.TestSmtp;
import org.firebreak.support.WebhookReceiver;
import org.firebreak.support.WebhookReceiver.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivery over real channels: webhooks to a receiver in this JVM, email to GreenMail, the console. The scheduler
 * runs, so retries are db-scheduler executions; backoff starts at 200 ms and a delivery gets three attempts.
 */
@FirebreakIntegrationTest
class NotificationDeliveryTests {

    static final String OPS_SECRET = "ops-hook-secret-0123456789";
    static final String DEFAULT_SECRET = "devnet-webhook-secret";
    static final WebhookReceiver receiver = new WebhookReceiver();
    static final int smtpPort = TestSmtp.freePort();
    static GreenMail smtp = TestSmtp.start(smtpPort);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        OwnSchema.register(registry);
        registry.add("firebreak.scheduler.enabled", () -> "true");
        registry.add("firebreak.notify.retry.attempts", () -> "3");
        registry.add("firebreak.notify.retry.initial-backoff", () -> "200ms");
        registry.add("firebreak.notify.request-timeout", () -> "1s");
        registry.add("firebreak.notify.channels[0].name", () -> "team");
        registry.add("firebreak.notify.channels[0].kind", () -> "CONSOLE");
        registry.add("firebreak.notify.channels[0].address", () -> "team");
        registry.add("firebreak.notify.channels[1].name", () -> "ops-hook");
        registry.add("firebreak.notify.channels[1].kind", () -> "WEBHOOK");
        registry.add("firebreak.notify.channels[1].url", () -> receiver.url("/ops"));
        registry.add("firebreak.notify.channels[1].secret", () -> OPS_SECRET);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> String.valueOf(smtpPort));
    }

    @Autowired
    NotificationApi notifications;
    @Autowired
    IncidentApi incidents;
    @Autowired
    JsonMapper json;
    @Autowired
    NotifySettings settings;
    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        receiver.close();
        smtp.stop();
    }

    @Test
    void aWebhookAnswering500TwiceThenOkGetsOneKeyThreeTimesSignedAndShowsOneDeliveryWithThreeAttempts()
            throws Exception {
        IncidentId incident = openIncident();
        receiver.answer("/ops", 500, 500, 200);

        notifications.request(new NotificationRequest(incident, MessageKind.PAGE,
                List.of(new Destination(ChannelKind.WEBHOOK, receiver.url("/ops"), "bob")),
                Map.of("level", "1", "levelName", "on-call engineer", "ackUrl", "http://127.0.0.1/ack/abc",
                        "reason", "Critical incident opened"), incident + ":page:L1:bob:" + UUID.randomUUID()));

        List<Received> requests = receiver.await("/ops", 3, Duration.ofSeconds(20));
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(r -> r.header("Idempotency-Key")).containsOnly(requests.getFirst().header("Idempotency-Key"))
                .doesNotContainNull();
        assertThat(requests).extracting(r -> r.header("X-Firebreak-Attempt")).containsExactly("1", "2", "3");
        for (Received r : requests) {
            assertThat(r.header("X-Firebreak-Signature")).isEqualTo(hmacSha256(OPS_SECRET, r.body()));
            assertThat(r.text()).isEqualTo(requests.getFirst().text());
        }
        JsonNode body = json.readTree(requests.getFirst().text());
        assertThat(body.get("kind").asString()).isEqualTo("PAGE");
        assertThat(body.get("person").asString()).isEqualTo("bob");
        assertThat(body.get("incident").get("id").asString()).isEqualTo(incident.toString());
        assertThat(body.get("values").get("ackUrl").asString()).isEqualTo("http://127.0.0.1/ack/abc");
        assertThat(body.get("text").asString()).contains("escalation level 1 (on-call engineer)")
                .contains("Acknowledge (works once): http://127.0.0.1/ack/abc")
                .contains("Link:       http://127.0.0.1:" + port + "/incidents/" + incident);

        await().atMost(Duration.ofSeconds(10)).until(() -> delivery(incident).get("status").asString().equals("DELIVERED"));
        JsonNode delivery = delivery(incident);
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.get("channel").asString()).isEqualTo("WEBHOOK");
        assertThat(delivery.get("address").asString()).isEqualTo("channel ops-hook");
        assertThat(delivery.get("person").asString()).isEqualTo("bob");
        assertThat(delivery.get("key").asString()).isEqualTo(requests.getFirst().header("Idempotency-Key"));
        assertThat(notificationLines(incident)).containsExactly(
                "PAGE to bob via webhook channel ops-hook attempt 1: HTTP 500, retrying in 200ms",
                "PAGE to bob via webhook channel ops-hook attempt 2: HTTP 500, retrying in 400ms",
                "PAGE to bob via webhook channel ops-hook attempt 3: delivered (HTTP 200)");
    }

    @Test
    void anEmailReachesTheSmtpServerWithSubjectAndBody() throws Exception {
        IncidentId incident = openIncident();
        notifications.request(new NotificationRequest(incident, MessageKind.STAKEHOLDER_NOTICE,
                List.of(new Destination(ChannelKind.EMAIL, "partners@example.com", null)),
                Map.of("group", "partners"), incident + ":stakeholders:" + UUID.randomUUID()));

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessagesForDomain("example.com")[0];
        assertThat(mail.getSubject()).isEqualTo("[MEDIUM] Incident " + incident + " affects delegations");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("partners@example.com");
        assertThat(GreenMailUtil.getBody(mail)).contains("Sent to the stakeholder groups: partners.")
                .contains("Incident:   " + incident + " Delegation redemptions failing")
                .contains("Link:       http://127.0.0.1:" + port + "/incidents/" + incident);
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery(incident).get("status").asString().equals("DELIVERED"));
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void anSmtpServerThatIsDownFailsItsDeliveryWithoutDelayingTheWebhookOrTheConsole() throws Exception {
        IncidentId incident = openIncident();
        smtp.stop();
        try {
            long requested = System.nanoTime();
            notifications.request(new NotificationRequest(incident, MessageKind.PAGE,
                    List.of(new Destination(ChannelKind.EMAIL, "bob@example.com", "bob"),
                            new Destination(ChannelKind.WEBHOOK, receiver.url("/bob"), "bob"),
                            new Destination(ChannelKind.CONSOLE, "team", "bob")),
                    Map.of("level", "1", "ackUrl", "http://127.0.0.1/ack/x"), incident + ":page:" + UUID.randomUUID()));

            List<Received> webhook = receiver.await("/bob", 1, Duration.ofSeconds(10));
            assertThat(webhook).hasSize(1);
            assertThat(Duration.ofNanos(webhook.getFirst().nanos() - requested)).isLessThan(Duration.ofSeconds(3));
            assertThat(webhook.getFirst().header("X-Firebreak-Signature"))
                    .as("a webhook that is no named channel is signed with the default secret")
                    .isEqualTo(hmacSha256(DEFAULT_SECRET, webhook.getFirst().body()));
            await().atMost(Duration.ofSeconds(3)).until(() -> statuses(incident).get(1).equals("DELIVERED")
                    && statuses(incident).get(2).equals("DELIVERED"));

            await().atMost(Duration.ofSeconds(20)).until(() -> statuses(incident).getFirst().equals("FAILED"));
            JsonNode email = api().get("/api/v1/incidents/" + incident + "/notifications").json().get(0);
            assertThat(email.get("attempts").asInt()).isEqualTo(3);
            assertThat(email.get("lastOutcome").asString()).contains("Connect");
            List<String> lines = notificationLines(incident);
            assertThat(lines).anyMatch(l -> l.startsWith("PAGE to bob via email bob@example.com attempt 1: ")
                    && l.endsWith(", retrying in 200ms"));
            assertThat(lines).anyMatch(l -> l.startsWith("PAGE to bob via email bob@example.com attempt 3: ")
                    && l.endsWith("; FAILED after 3 attempts"));
            assertThat(lines).contains("PAGE to bob via console channel team attempt 1: delivered (written to the log)");
        } finally {
            smtp = TestSmtp.start(smtpPort);
        }
    }

    @Test
    void anUnansweredSlackPostIsNotSentAgainWhileTheWebhookIsUnderItsKey() throws Exception {
        IncidentId incident = openIncident();
        try (WebhookReceiver slow = new WebhookReceiver()) {
            slow.hang();
            notifications.request(new NotificationRequest(incident, MessageKind.PAGE,
                    List.of(new Destination(ChannelKind.SLACK, slow.url("/slack"), "bob"),
                            new Destination(ChannelKind.WEBHOOK, slow.url("/hook"), "bob")),
                    Map.of("level", "1", "ackUrl", "http://127.0.0.1/ack/y"), incident + ":page:" + UUID.randomUUID()));

            List<Received> hook = slow.await("/hook", 2, Duration.ofSeconds(10));
            slow.release();
            assertThat(hook).as("the webhook is tried again after no answer within 1 s").hasSize(2);
            assertThat(hook.get(1).header("Idempotency-Key")).isEqualTo(hook.get(0).header("Idempotency-Key"));
            await().atMost(Duration.ofSeconds(10)).until(() -> statuses(incident).equals(List.of("UNKNOWN", "DELIVERED")));
            Thread.sleep(1500);
            assertThat(slow.received("/slack")).as("Slack got the page once, and its answer never came").hasSize(1);
            JsonNode slack = api().get("/api/v1/incidents/" + incident + "/notifications").json().get(0);
            assertThat(slack.get("attempts").asInt()).isEqualTo(1);
            assertThat(slack.get("lastOutcome").asString()).isEqualTo("no answer within 1s; outcome unknown");
            String at = "http://127.0.0.1:" + java.net.URI.create(slow.url("/")).getPort() + "/…";
            assertThat(notificationLines(incident)).containsExactlyInAnyOrder(
                    "PAGE to bob via slack " + at + " attempt 1: no answer within 1s; outcome unknown (it may have "
                            + "arrived); not sent again to avoid a duplicate (slack cannot drop a repeat); escalation "
                            + "goes on while nobody acknowledges",
                    "PAGE to bob via webhook " + at + " attempt 1: no answer within 1s, retrying in 200ms",
                    "PAGE to bob via webhook " + at + " attempt 2: delivered (HTTP 200)");
        }
    }

    @Test
    void anEmailWhoseAnswerNeverComesIsNotSentAgain() throws Exception {
        IncidentId incident = openIncident();
        smtp.purgeEmailFromAllMailboxes();
        try (SmtpRelay relay = new SmtpRelay(smtpPort)) {
            relay.hold();
            String key = incident + ":stakeholders:" + UUID.randomUUID();
            // The application's mail sender talks to GreenMail directly; this one goes through the relay.
            JavaMailSenderImpl mail = new JavaMailSenderImpl();
            mail.setHost("127.0.0.1");
            mail.setPort(relay.port());
            mail.getJavaMailProperties().put("mail.smtp.timeout", "1000");
            EmailSender sender = new EmailSender(new StaticListableBeanFactory(Map.of("mail", mail))
                    .getBeanProvider(JavaMailSender.class), settings);
            Sent sent = sender.send(new ChannelSender.Outgoing(key + "/1", 1,
                    new Destination(ChannelKind.EMAIL, "partners@example.com", null), MessageKind.STAKEHOLDER_NOTICE,
                    new Message("subject", "body", "{}")));

            assertThat(sent).isInstanceOf(Sent.Unknown.class);
            assertThat(sent.detail()).contains("Read timed out");
            assertThat(smtp.waitForIncomingEmail(5_000, 1)).as("the server took it all the same").isTrue();
        }
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void theSameKeyRequestedTwiceIsSentOnce() throws Exception {
        IncidentId incident = openIncident();
        String key = incident + ":team:" + UUID.randomUUID();
        NotificationRequest request = new NotificationRequest(incident, MessageKind.TEAM_NOTICE,
                List.of(new Destination(ChannelKind.WEBHOOK, receiver.url("/once"), null)), Map.of("reason", "twice"), key);

        notifications.request(request);
        notifications.request(request);

        assertThat(receiver.await("/once", 1, Duration.ofSeconds(10))).hasSize(1);
        Thread.sleep(1500);
        assertThat(receiver.received("/once")).hasSize(1);
        assertThat(api().get("/api/v1/incidents/" + incident + "/notifications").json().size()).isEqualTo(1);
        assertThat(notificationLines(incident)).hasSize(1);
    }

    @Test
    void notificationsOfAnUnknownIncidentAre404AndABadIdIs400() {
        assertThat(api().get("/api/v1/incidents/INC-999999/notifications").status()).isEqualTo(404);
        HttpApi.Response bad = api().get("/api/v1/incidents/nope/notifications");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("id");
    }

    private IncidentId openIncident() {
        return incidents.open(anIncident().withSeverity(Severity.MEDIUM).affecting("delegations").build(), "alice").id();
    }

    private HttpApi api() {
        return new HttpApi(port);
    }

    private JsonNode delivery(IncidentId incident) {
        JsonNode all = api().get("/api/v1/incidents/" + incident + "/notifications").json();
        assertThat(all.size()).isEqualTo(1);
        return all.get(0);
    }

    private List<String> statuses(IncidentId incident) {
        List<String> out = new java.util.ArrayList<>();
        api().get("/api/v1/incidents/" + incident + "/notifications").json().forEach(d -> out.add(d.get("status").asString()));
        return out;
    }

    private List<String> notificationLines(IncidentId incident) {
        return incidents.timeline(incident).stream().filter(e -> e.kind() == TimelineKind.NOTIFICATION)
                .map(TimelineEntry::text).toList();
    }

    static String hmacSha256(String secret, byte[] body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
    }
}
