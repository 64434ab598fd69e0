package org.firebreak.statuspage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.firebreak.notify.WebhookSignature;
import org.firebreak.shared.web.Role;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.firebreak.support.MutableClock;
import org.firebreak.support.OwnSchema;
import org.firebreak.support.WebhookReceiver;
import org.firebreak.support.WebhookReceiver.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subscribers of the public status page, over HTTP, with mail to GreenMail and webhooks to a receiver in this JVM:
 * an email address hears nothing but its confirmation link until it confirms; then it hears once per public change
 * (a public update, a component's new status), never about an internal update, and nothing after unsubscribing. A
 * webhook is signed with its own secret and hears only about the components it named.
 */
@FirebreakIntegrationTest
class StatusPageSubscriberTests {

    static final WebhookReceiver receiver = new WebhookReceiver();
    static final int smtpPort = freePort();
    static final GreenMail smtp = startSmtp();
    static final Pattern LINK = Pattern.compile("(http://\\S+/status/subscriptions/(?:confirm|unsubscribe)\\?token=\\S+)");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        OwnSchema.register(registry);
        registry.add("firebreak.statuspage.name", () -> "Subscribers test");
        registry.add("firebreak.statuspage.subscribers.allow-private-webhooks", () -> "true");
        registry.add("firebreak.statuspage.subscribers.per-client-per-hour", () -> "20");
        registry.add("firebreak.notify.retry.attempts", () -> "2");
        registry.add("firebreak.notify.retry.initial-backoff", () -> "200ms");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> String.valueOf(smtpPort));
    }

    @LocalServerPort
    int port;
    @Autowired
    ChangeNotices changes;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    @AfterAll
    static void stop() {
        receiver.close();
        smtp.stop();
    }

    @Test
    void anEmailHearsNothingButItsLinkUntilConfirmedThenOncePerPublicChangeNeverAnInternalOneAndNothingOnceUnsubscribed()
            throws Exception {
        HttpApi team = new HttpApi(port).as("alice");
        HttpApi reader = new HttpApi(port).anonymous();
        HttpApi.Response asked = reader.post("/status/subscriptions",
                "{\"email\": \"Reader@Example.com\", \"components\": [\"delegations\"]}");
        assertThat(asked.status()).isEqualTo(202);
        assertThat(asked.json().get("status").asString()).isEqualTo("confirmation sent");
        HttpApi.Response again = reader.post("/status/subscriptions",
                "{\"email\": \"Reader@example.com\", \"components\": [\"delegations\"]}");
        assertThat(again.status()).as("asking twice tells nobody whether the address was known").isEqualTo(202);
        assertThat(again.body()).isEqualTo(asked.body());

        MimeMessage confirmation = mails(1)[0];
        assertThat(confirmation.getSubject()).isEqualTo("[Subscribers test] Confirm your subscription");
        assertThat(confirmation.getAllRecipients()[0].toString()).isEqualTo("Reader@example.com");
        String confirmLink = link(text(confirmation), "confirm");

        String id = team.post("/api/v1/incidents", "{\"title\": \"Redemptions revert\", \"criteria\": [\"funds at risk\"],"
                + " \"type\": \"DELEGATION_FAILURE\", \"components\": [\"delegations\"]}").json().get("id").asString();
        quiet();
        assertThat(changes.check()).as("nobody confirmed: nobody is told").isZero();
        assertThat(smtp.getReceivedMessages()).as("no mail before confirming").hasSize(1);

        HttpApi.Response confirmed = reader.get(path(confirmLink));
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).startsWith("Subscribed: Reader@example.com is told when Subscribers test changes");
        assertThat(reader.get(path(confirmLink)).status()).as("a confirmation link works once").isEqualTo(404);

        team.post("/api/v1/incidents/" + id + "/updates", "{\"text\": \"A paused DelegationManager; unpausing.\","
                + " \"status\": \"identified\", \"visibility\": \"public\"}");
        MimeMessage update = mails(2)[1];
        assertThat(update.getSubject()).isEqualTo("[Subscribers test] Redemptions revert: identified");
        String body = text(update);
        assertThat(body).contains("A paused DelegationManager; unpausing.").contains("Status page: http://")
                .doesNotContain("Components:");
        String unsubscribe = link(body, "unsubscribe");

        team.post("/api/v1/incidents/" + id + "/updates", "{\"text\": \"Guardian key rotation in progress\","
                + " \"status\": \"identified\", \"visibility\": \"internal\"}");
        team.post("/api/v1/incidents/" + id + "/notes", "{\"text\": \"Checked the guardian's balance\"}");
        quiet();
        assertThat(changes.check()).as("an internal update and a note change nothing public").isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(2);

        team.post("/api/v1/incidents/" + id + "/status", "{\"status\": \"RESOLVED\"}");
        MimeMessage resolved = mails(3)[2];
        assertThat(resolved.getSubject()).isEqualTo("[Subscribers test] Delegations: Operational");
        assertThat(text(resolved)).contains("Delegations: Major outage \u2192 Operational");
        quiet();
        assertThat(changes.check()).as("a change is told once, however many checks see it").isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(3);

        HttpApi.Response page = reader.get(path(unsubscribe));
        assertThat(page.body()).contains("<form method=\"post\"").contains("Unsubscribe");
        assertThat(smtp.getReceivedMessages()).as("opening the link (a mail scanner) unsubscribes nobody").hasSize(3);
        HttpApi.Response gone = reader.send("POST", path(unsubscribe), null);
        assertThat(gone.status()).isEqualTo(200);
        assertThat(gone.body()).startsWith("Unsubscribed: nothing more is sent to R…@example.com");

        team.post("/api/v1/incidents", "{\"title\": \"Redemptions revert again\", \"criteria\": [\"funds at risk\"],"
                + " \"type\": \"DELEGATION_FAILURE\", \"components\": [\"delegations\"]}");
        quiet();
        changes.check();
        Thread.sleep(500);
        assertThat(smtp.getReceivedMessages()).as("nothing after unsubscribing").hasSize(3);
    }

    @Test
    void aWebhookIsSignedWithItsOwnSecretAndHearsOnlyAboutTheComponentsItNamed() throws Exception {
        HttpApi team = new HttpApi(port).as("dave");
        HttpApi reader = new HttpApi(port).anonymous();
        HttpApi.Response made = reader.post("/status/subscriptions", "{\"webhook\": \"" + receiver.url("/ops/hook?k=s3cr3t")
                + "\", \"components\": [\"user-operations\"]}");
        assertThat(made.status()).isEqualTo(201);
        String secret = made.json().get("secret").asString();
        assertThat(secret).hasSizeGreaterThan(30);
        assertThat(made.json().get("unsubscribeUrl").asString()).contains("/status/subscriptions/unsubscribe?token=");
        assertThat(reader.post("/status/subscriptions", "{\"webhook\": \"" + receiver.url("/ops/hook?k=s3cr3t") + "\"}")
                .status()).as("one subscription per URL: its secret stays its owner's").isEqualTo(409);

        team.post("/api/v1/incidents", "{\"title\": \"Gas price spike\", \"severity\": \"HIGH\","
                + " \"components\": [\"gas\"]}");
        quiet();
        assertThat(receiver.received("/ops/hook")).as("gas & network is not what the webhook named").isEmpty();

        team.post("/api/v1/silences", "{\"kind\": \"MAINTENANCE\", \"component\": \"paymaster\", \"endsAt\": \""
                + clock.instant().plus(Duration.ofHours(2)) + "\", \"reason\": \"Paymaster top-up\"}");
        assertThat(changes.check()).as("a maintenance window starting is noticed by the timer's check").isEqualTo(1);
        Received hook = receiver.await("/ops/hook", 1, Duration.ofSeconds(10)).getFirst();
        assertThat(hook.header(WebhookSignature.HEADER)).isEqualTo(WebhookSignature.of(secret, hook.body()));
        assertThat(hook.header("Idempotency-Key")).startsWith("status-page:change:");
        JsonNode sent = json.readTree(hook.text());
        assertThat(sent.get("type").asString()).isEqualTo("status-page.changed");
        assertThat(sent.at("/components/0/id").asString()).isEqualTo("user-operations");
        assertThat(sent.at("/components/0/from").asString()).isEqualTo("operational");
        assertThat(sent.at("/components/0/to").asString()).isEqualTo("under_maintenance");
        assertThat(sent.has("incident")).as("no incident's internal fields").isFalse();
        assertThat(sent.get("unsubscribe").asString()).isEqualTo(made.json().get("unsubscribeUrl").asString());
        quiet();
        Thread.sleep(300);
        assertThat(receiver.received("/ops/hook")).hasSize(1);

        JsonNode listed = new HttpApi(port).as("vera", Role.VIEWER).get("/api/v1/statuspage/subscribers").json();
        assertThat(listed.toString()).doesNotContain("s3cr3t").doesNotContain(secret).doesNotContain("/ops/hook");
        java.util.List<String> addresses = new java.util.ArrayList<>();
        listed.forEach(n -> addresses.add(n.get("address").asString()));
        assertThat(addresses).contains("http://127.0.0.1:" + URI.create(receiver.url("/"))
                .getPort() + "/…");
        assertThat(reader.get("/api/v1/statuspage/subscribers").status()).as("the list is not public").isEqualTo(401);

        reader.send("POST", path(made.json().get("unsubscribeUrl").asString()), null);
        team.post("/api/v1/silences", "{\"kind\": \"MAINTENANCE\", \"component\": \"bundler\", \"endsAt\": \""
                + clock.instant().plus(Duration.ofHours(3)) + "\", \"reason\": \"Bundler upgrade\"}");
        changes.check();
        Thread.sleep(300);
        assertThat(receiver.received("/ops/hook")).as("nothing after unsubscribing").hasSize(1);
    }

    @Test
    void aBadAddressAURLThatIsNotHttpOrAnUnknownComponentIsRefusedNamingTheField() {
        HttpApi reader = new HttpApi(port).anonymous();
        assertRefused(reader.post("/status/subscriptions", "{\"email\": \"not-an-address\"}"), "email");
        assertRefused(reader.post("/status/subscriptions", "{\"email\": \"a@b.example\", \"webhook\": "
                + "\"https://hooks.example/x\"}"), "email");
        assertRefused(reader.post("/status/subscriptions", "{\"webhook\": \"ftp://hooks.example/x\"}"), "webhook");
        assertRefused(reader.post("/status/subscriptions", "{\"webhook\": \"javascript:alert(1)\"}"), "webhook");
        assertRefused(reader.post("/status/subscriptions", "{\"email\": \"a@b.example\", \"components\": "
                + "[\"delegations\", \"moon\"]}"), "components[1]");
    }

    @Test
    void aClientMayAskTwentyTimesAnHourThenIsToldToWait() {
        HttpApi reader = new HttpApi(port).anonymous();
        clock.advance(Duration.ofMinutes(61));
        for (int i = 0; i < 20; i++) {
            assertThat(reader.post("/status/subscriptions", "{\"email\": \"nobody\"}").status()).isEqualTo(400);
        }
        HttpApi.Response refused = reader.post("/status/subscriptions", "{\"email\": \"nobody\"}");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("title").asString()).isEqualTo("Too many subscription requests");
        clock.advance(Duration.ofMinutes(61));
        assertThat(reader.post("/status/subscriptions", "{\"email\": \"nobody\"}").status())
                .as("an hour later the client may ask again").isEqualTo(400);
    }

    @Test
    void privateLoopbackAndLinkLocalAddressesAreInternalPublicOnesAreNot() throws Exception {
        for (String internal : new String[] { "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "0.0.0.0", "100.64.0.1", "::1", "fd00::1", "fe80::1" }) {
            assertThat(Subscriptions.internal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        for (String external : new String[] { "8.8.8.8", "1.1.1.1", "2606:4700:4700::1111" }) {
            assertThat(Subscriptions.internal(InetAddress.getByName(external))).as(external).isFalse();
        }
    }

    private static void assertRefused(HttpApi.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo(field);
    }

    /** Waits until every event listener has run (the change checks run after the commit, asynchronously). */
    private void quiet() {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from event_publication where completion_date is null").query(Long.class).single() == 0);
    }

    private static MimeMessage[] mails(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length >= count);
        return smtp.getReceivedMessages();
    }

    private static String link(String body, String kind) {
        Matcher m = LINK.matcher(body);
        while (m.find()) {
            if (m.group(1).contains("/" + kind + "?")) {
                return m.group(1);
            }
        }
        throw new AssertionError("no " + kind + " link in " + body);
    }

    private static String text(MimeMessage mail) throws Exception {
        return (String) mail.getContent();
    }

    private static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static GreenMail startSmtp() {
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
