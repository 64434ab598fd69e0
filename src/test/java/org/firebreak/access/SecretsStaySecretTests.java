package org.firebreak.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.firebreak.shared.web.Role;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.FormSignIn;
import org.firebreak.support.HttpApi;
import org.firebreak.support.HttpApi.Response;
import org.firebreak.support.OwnSchema;
import org.firebreak.support.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A run that uses every kind of secret Firebreak holds (an account's password at sign-in, wrong and right; an API
 * token, used and then revoked; the Alertmanager secret, right and wrong; the acknowledge-link secret and the webhook
 * signing secret, on a real page to a person's webhook), then a scan of everything a person or a log reader can see:
 * the server's log, every API answer and console page of the run, the timeline, the page as delivered. None holds a
 * secret. The files in the data directory are its owner's only. (The guardian key: {@code PauseSystemIntegrationTests}
 * scans for it after a pause on the devnet.)
 */
@FirebreakIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsStaySecretTests {

    private static final String ACK_SECRET = "ack-" + UUID.randomUUID();
    private static final String WEBHOOK_SECRET = "whsec-" + UUID.randomUUID();
    private static final String AM_SECRET = "devnet-alertmanager-secret";
    /** Webhook URLs carry their credential in the path, as Slack's and many others do. */
    private static final String CONTACT_TOKEN = "T0KEN" + UUID.randomUUID().toString().replace("-", "");
    private static final String PASSWORD = "sam's long password " + UUID.randomUUID().toString().substring(0, 8);
    private static final WebhookReceiver PAGES = new WebhookReceiver();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        OwnSchema.register(registry);
        Path oncall = Files.createDirectories(Path.of("target/test-data")).resolve("secrets-oncall-" + UUID.randomUUID()
                + ".yml");
        String shipped = new String(SecretsStaySecretTests.class.getResourceAsStream("/firebreak/oncall/devnet-oncall.yml")
                .readAllBytes(), StandardCharsets.UTF_8);
        for (String person : List.of("alice", "bob", "carol")) {
            shipped = shipped.replace("{ channel: CONSOLE, address: " + person + " }",
                    "{ channel: WEBHOOK, address: \"" + PAGES.url("/page/" + person + "/" + CONTACT_TOKEN) + "\" }");
        }
        Files.writeString(oncall, shipped);
        registry.add("firebreak.oncall.file", oncall::toString);
        registry.add("firebreak.oncall.paging", () -> "true");
        registry.add("firebreak.oncall.ack-secret", () -> ACK_SECRET);
        registry.add("firebreak.notify.default-webhook-secret", () -> WEBHOOK_SECRET);
    }

    @AfterAll
    static void stop() {
        PAGES.close();
    }

    @LocalServerPort
    int port;

    @Value("${firebreak.data-dir}")
    String dataDir;

    /** Everything the run was answered, but for the one answer that hands the new token over. */
    private final List<String> seen = new ArrayList<>();

    private Response keep(Response response) {
        seen.add(response.status() + " " + response.body());
        return response;
    }

    @Test
    void noSecretShowsInTheLogTheAnswersThePagesTheTimelineOrThePageSent(CapturedOutput log) throws Exception {
        HttpApi admin = new HttpApi(port).as("root", Role.ADMIN);
        assertThat(keep(admin.post("/api/v1/accounts", "{\"username\": \"sam\", \"role\": \"RESPONDER\", \"password\": \""
                + PASSWORD + "\"}")).status()).isEqualTo(201);
        keep(new HttpApi(port).form("/login", "username", "sam", "password", "wrong " + PASSWORD));
        assertThat(FormSignIn.sessionCookie(port, "sam", PASSWORD)).isNotBlank();

        Response issued = admin.post("/api/v1/accounts/sam/tokens", "{\"name\": \"laptop\"}");
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.json().get("token").asString();
        long tokenId = issued.json().get("view").get("id").asLong();
        HttpApi sam = new HttpApi(port).anonymous();
        assertThat(keep(sam.get("/api/v1/me", "Authorization", "Bearer " + token)).status()).isEqualTo(200);
        Response opened = keep(sam.postBearer("/api/v1/incidents", token, """
                {"title": "Bundler down", "criteria": ["funds at risk"], "type": "PERFORMANCE_DEGRADATION"}"""));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String id = opened.json().get("id").asString();

        assertThat(keep(new HttpApi(port).postBearer("/api/v1/integrations/alertmanager/alertmanager", AM_SECRET, """
                {"version": "4", "status": "firing", "receiver": "firebreak", "groupKey": "{}:{alertname=\\"Gas\\"}",
                 "groupLabels": {"alertname": "Gas"}, "alerts": [{"status": "firing", "labels": {"alertname": "Gas"},
                 "annotations": {}, "startsAt": "2026-12-05T03:00:00Z", "fingerprint": "secret-scan-1"}]}""")).status())
                .isEqualTo(200);
        assertThat(keep(new HttpApi(port).postBearer("/api/v1/integrations/alertmanager/alertmanager",
                AM_SECRET + "-but-wrong", "{}")).status()).isEqualTo(401);

        List<WebhookReceiver.Received> pages = PAGES.await("/page/alice/" + CONTACT_TOKEN, 1, Duration.ofSeconds(20));
        pages = pages.isEmpty() ? PAGES.await("/page/bob/" + CONTACT_TOKEN, 1, Duration.ofSeconds(5)) : pages;
        assertThat(pages).as("the Critical incident paged its on-call engineer's webhook").isNotEmpty();
        String page = new String(pages.getFirst().body(), StandardCharsets.UTF_8);
        assertThat(page).as("the page carries a signed acknowledge link").contains("/ack/");
        assertThat(pages.getFirst().headers().toString()).as("and is signed").containsIgnoringCase("signature");

        assertThat(keep(admin.delete("/api/v1/accounts/sam/tokens/" + tokenId)).status()).isEqualTo(200);
        assertThat(keep(sam.get("/api/v1/me", "Authorization", "Bearer " + token)).status()).isEqualTo(401);

        for (String path : List.of("/api/v1/incidents", "/api/v1/incidents/" + id, "/api/v1/incidents/" + id + "/timeline",
                "/api/v1/incidents/" + id + "/notifications", "/api/v1/incidents/" + id + "/escalation",
                "/api/v1/alerts", "/api/v1/accounts", "/api/v1/accounts/sam", "/api/v1/accounts/sam/tokens",
                "/api/v1/oncall/people", "/api/v1/oncall/escalation-paths", "/actuator/prometheus")) {
            assertThat(keep(admin.get(path)).status()).as(path).isEqualTo(200);
        }
        for (String path : List.of("/incidents/" + id, "/oncall", "/admin/users", "/admin/users/sam/tokens")) {
            assertThat(keep(admin.page(path)).status()).as(path).isEqualTo(200);
        }

        java.util.Map<String, String> sources = new java.util.LinkedHashMap<>();
        for (int i = 0; i < seen.size(); i++) {
            sources.put("answer " + (i + 1) + " of the run", seen.get(i));
        }
        sources.put("the page as sent", page);
        sources.put("the server's log", log.getAll());
        java.util.Map<String, String> secrets = java.util.Map.of("sam's password", PASSWORD, "sam's API token", token,
                "the API token's secret part", token.substring(4), "the acknowledge secret", ACK_SECRET,
                "the webhook signing secret", WEBHOOK_SECRET, "the Alertmanager secret", AM_SECRET,
                "the token in alice's webhook URL", CONTACT_TOKEN);
        secrets.forEach((what, secret) -> sources.forEach((where, text) -> {
            int at = text.indexOf(secret);
            assertThat(at).as("%s shows in %s: ...%s...", what, where,
                    at < 0 ? "" : text.substring(Math.max(0, at - 200), Math.min(text.length(), at + 60))).isNegative();
        }));

        Path data = Path.of(dataDir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        for (String file : List.of("firebreak.mv.db", "admin-password", "cli-token")) {
            Path path = data.resolve(file);
            if (Files.exists(path)) { // no H2 file on PostgreSQL
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).as(file)
                        .isEqualTo("rw-------");
            }
        }
    }
}
