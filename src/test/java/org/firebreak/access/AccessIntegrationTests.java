package org.firebreak.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.firebreak.shared.web.Role;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.firebreak.support.HttpApi.Response;
import org.firebreak.support.FormSignIn;
import org.firebreak.support.MutableClock;
import org.firebreak.support.OwnSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/** Sign-in, roles, API tokens and CSRF over real HTTP: who may do what, and that refusals change nothing. */
@FirebreakIntegrationTest
class AccessIntegrationTests {

    private static final String OPEN = """
            {"title": "Redemptions revert", "criteria": ["funds at risk"], "type": "DELEGATION_FAILURE"}""";

    /** A store of its own: the first start's files are only written on an empty store (PostgreSQL shares one). */
    @DynamicPropertySource
    static void ownSchema(DynamicPropertyRegistry registry) {
        OwnSchema.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessBootstrap bootstrap;

    @Autowired
    MutableClock clock;

    private HttpApi api() {
        return new HttpApi(port);
    }

    private long incidents() {
        return api().as("reader", Role.VIEWER).get("/api/v1/incidents?size=1").json().get("total").asLong();
    }

    @Test
    void theApiWantsATokenAndSaysSoAsAProblem() {
        Response none = api().anonymous().get("/api/v1/incidents");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.json().get("detail").asString()).contains("Authorization: Bearer");

        Response forged = raw("GET", "/api/v1/incidents", "Bearer fbk_not-a-token-anyone-was-given", null);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().get("detail").asString()).contains("unknown, revoked or expired");
    }

    @Test
    void thePublicPagesNeedNoSignInAndTheConsoleSendsStrangersToSignIn() {
        assertThat(api().anonymous().get("/status").status()).isEqualTo(200);
        assertThat(api().anonymous().get("/status/api/v2/summary.json").status()).isEqualTo(200);
        assertThat(api().anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(api().anonymous().get("/login").body()).contains("Sign in").contains("name=\"_csrf\"");
        Response dashboard = raw("GET", "/", null, null);
        assertThat(dashboard.status()).isEqualTo(302);
        assertThat(dashboard.location()).endsWith("/login");
    }

    @Test
    void viewersReadButChangeNothing() {
        HttpApi viewer = api().as("vera", Role.VIEWER);
        long before = incidents();
        assertThat(viewer.get("/api/v1/incidents").status()).isEqualTo(200);

        Response open = viewer.post("/api/v1/incidents", OPEN);
        assertThat(open.status()).isEqualTo(403);
        assertThat(open.contentType()).startsWith("application/problem+json");
        assertThat(open.json().get("detail").asString()).isEqualTo(
                "vera is a viewer; POST /api/v1/incidents needs the role responder or higher");
        assertThat(incidents()).isEqualTo(before);

        String id = api().as("cora", Role.COMMANDER).post("/api/v1/incidents", OPEN).json().get("id").asString();
        assertThat(viewer.post("/api/v1/incidents/" + id + "/notes", "{\"text\": \"hi\"}").status()).isEqualTo(403);
        assertThat(viewer.post("/api/v1/incidents/" + id + "/status", "{\"status\": \"RESOLVED\"}").status()).isEqualTo(403);
        assertThat(viewer.post("/api/v1/incidents/" + id + "/actions/pause", "{\"confirm\": true}").status()).isEqualTo(403);
        JsonNode incident = viewer.get("/api/v1/incidents/" + id).json();
        assertThat(incident.get("status").asString()).isEqualTo("TRIGGERED");
        assertThat(viewer.get("/api/v1/incidents/" + id + "/timeline").body()).doesNotContain("vera");
    }

    @Test
    void respondersWorkTheIncidentAndCommandersChangeItsStatus() {
        HttpApi responder = api().as("rita", Role.RESPONDER);
        Response opened = responder.post("/api/v1/incidents", OPEN);
        assertThat(opened.status()).isEqualTo(201);
        String id = opened.json().get("id").asString();
        assertThat(responder.post("/api/v1/incidents/" + id + "/notes", "{\"text\": \"looking\"}").status()).isEqualTo(200);
        assertThat(responder.post("/api/v1/incidents/" + id + "/checklist/2/complete", "{}").status()).isEqualTo(200);

        Response status = responder.post("/api/v1/incidents/" + id + "/status", "{\"status\": \"ACKNOWLEDGED\"}");
        assertThat(status.status()).isEqualTo(403);
        assertThat(status.json().get("detail").asString()).contains("needs the role commander");
        assertThat(api().as("cora", Role.COMMANDER).post("/api/v1/incidents/" + id + "/status",
                "{\"status\": \"ACKNOWLEDGED\"}").status()).isEqualTo(200);

        JsonNode timeline = responder.get("/api/v1/incidents/" + id + "/timeline").json();
        assertThat(timeline.toString()).contains("\"actor\":\"rita\"").contains("\"actor\":\"cora\"");
    }

    @Test
    void theTimelineNamesTheTokensAccountWhateverHeaderIsSent() {
        String token = api().tokenFor("tess", Role.RESPONDER);
        Response opened = raw("POST", "/api/v1/incidents", "Bearer " + token, OPEN, "X-Firebreak-Actor", "mallory");
        assertThat(opened.status()).isEqualTo(201);
        String timeline = api().get("/api/v1/incidents/" + opened.json().get("id").asString() + "/timeline").body();
        assertThat(timeline).contains("\"actor\":\"tess\"").doesNotContain("mallory");
    }

    @Test
    void onlyAdminsManageAccountsAndPasswordsAreStoredAsArgon2Hashes() {
        String body = "{\"username\": \"newcomer\", \"role\": \"RESPONDER\", \"password\": \"correct horse battery\"}";
        assertThat(api().as("cora", Role.COMMANDER).post("/api/v1/accounts", body).status()).isEqualTo(403);

        Response created = api().as("root", Role.ADMIN).post("/api/v1/accounts", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("account").get("role").asString()).isEqualTo("RESPONDER");
        assertThat(created.body()).doesNotContain("correct horse battery");
        String hash = jdbc.sql("select password_hash from account where username = 'newcomer'").query(String.class).single();
        assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain("correct horse");

        Response generated = api().as("root").post("/api/v1/accounts", "{\"username\": \"gen\", \"role\": \"VIEWER\"}");
        assertThat(generated.json().get("generatedPassword").asString()).hasSizeGreaterThanOrEqualTo(20);

        Response again = api().as("root").post("/api/v1/accounts", body);
        assertThat(again.status()).isEqualTo(409);
        Response badName = api().as("root").post("/api/v1/accounts", "{\"username\": \"Bad Name\", \"role\": \"VIEWER\"}");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().get("errors").get(0).get("field").asString()).isEqualTo("username");
        Response shortPassword = api().as("root").post("/api/v1/accounts",
                "{\"username\": \"shorty\", \"role\": \"VIEWER\", \"password\": \"short\"}");
        assertThat(shortPassword.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(api().as("root").get("/api/v1/accounts/shorty").status()).isEqualTo(404);
    }

    @Test
    void theLastEnabledAdminCannotBeDemotedOrDisabled() {
        HttpApi admin = api().as("root", Role.ADMIN);
        admin.get("/api/v1/me");
        java.util.List<String> others = new java.util.ArrayList<>();
        for (JsonNode account : admin.get("/api/v1/accounts").json()) {
            String name = account.get("username").asString();
            if (!name.equals("root") && account.get("role").asString().equals("ADMIN") && account.get("enabled").asBoolean()) {
                others.add(name);
            }
        }
        try {
            others.forEach(name -> assertThat(admin.send("PATCH", "/api/v1/accounts/" + name, "{\"enabled\": false}")
                    .status()).isEqualTo(200));
            Response demote = admin.send("PATCH", "/api/v1/accounts/root", "{\"role\": \"COMMANDER\"}");
            assertThat(demote.status()).isEqualTo(409);
            assertThat(demote.json().get("detail").asString()).contains("last enabled admin");
            assertThat(admin.send("PATCH", "/api/v1/accounts/root", "{\"enabled\": false}").status()).isEqualTo(409);
            assertThat(admin.get("/api/v1/me").json().get("role").asString()).isEqualTo("ADMIN");
        } finally {
            others.forEach(name -> admin.send("PATCH", "/api/v1/accounts/" + name, "{\"enabled\": true}"));
        }
    }

    @Test
    void aRevokedTokenNoLongerSignsIn() {
        HttpApi admin = api().as("root", Role.ADMIN);
        admin.post("/api/v1/accounts", "{\"username\": \"integration-x\", \"role\": \"RESPONDER\", \"signsIn\": false}");
        JsonNode issued = admin.post("/api/v1/accounts/integration-x/tokens", "{\"name\": \"chatops\"}").json();
        String token = issued.get("token").asString();
        assertThat(token).startsWith("fbk_");
        assertThat(raw("GET", "/api/v1/me", "Bearer " + token, null).json().get("username").asString())
                .isEqualTo("integration-x");
        String stored = jdbc.sql("select token_hash from api_token where id = ?").param(issued.get("view").get("id").asLong())
                .query(String.class).single();
        assertThat(stored).hasSize(64).isNotEqualTo(token);

        admin.delete("/api/v1/accounts/integration-x/tokens/" + issued.get("view").get("id").asLong());
        assertThat(raw("GET", "/api/v1/me", "Bearer " + token, null).status()).isEqualTo(401);
    }

    @Test
    void aBrowserSignsInWithAFormAndEveryChangeItPostsNeedsTheCsrfToken() throws Exception {
        api().as("root", Role.ADMIN).post("/api/v1/accounts",
                "{\"username\": \"browser-bea\", \"role\": \"RESPONDER\", \"password\": \"a long enough secret\"}");
        String id = api().as("cora", Role.COMMANDER).post("/api/v1/incidents", OPEN).json().get("id").asString();
        Browser browser = new Browser();

        assertThat(browser.get("/account").headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> wrong = browser.signIn("browser-bea", "not the password");
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        HttpResponse<String> right = browser.signIn("browser-bea", "a long enough secret");
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(right.headers().firstValue("Location").orElseThrow()).as("back to the page first asked for")
                .contains("/account");
        assertThat(browser.get("/api/v1/me").body()).contains("\"username\":\"browser-bea\"");

        String note = "{\"text\": \"from the browser\"}";
        HttpResponse<String> forged = browser.postJson("/api/v1/incidents/" + id + "/notes", note, null);
        assertThat(forged.statusCode()).as("a cross-site form cannot post without the token").isEqualTo(403);
        String csrf = browser.csrfToken();
        HttpResponse<String> posted = browser.postJson("/api/v1/incidents/" + id + "/notes", note, csrf);
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(api().get("/api/v1/incidents/" + id + "/timeline").body()).containsOnlyOnce("from the browser");
    }

    @Test
    void theFirstStartLeavesTheAdminPasswordAndACliTokenReadableByTheOwnerOnly() throws Exception {
        Path password = bootstrap.passwordFile();
        Path cliToken = bootstrap.cliTokenFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cliToken))).isEqualTo("rw-------");
        Response me = raw("GET", "/api/v1/me", "Bearer " + Files.readString(cliToken).strip(), null);
        assertThat(me.json().get("username").asString()).isEqualTo("admin");
        assertThat(me.json().get("role").asString()).isEqualTo("ADMIN");
        HttpResponse<String> signedIn = new Browser().signIn("admin", Files.readString(password).strip());
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    @Test
    void fiveWrongPasswordsInARowLockTheNameWithoutCheckingPasswordsUntilTheWaitIsOver() throws Exception {
        Response made = api().as("root", Role.ADMIN).post("/api/v1/accounts",
                "{\"username\": \"guess-gus\", \"role\": \"VIEWER\", \"password\": \"the right long secret\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        Browser browser = new Browser();
        for (int i = 1; i < 5; i++) {
            assertThat(location(browser.signIn("guess-gus", "guess " + i))).as("wrong password %d", i).endsWith("/login?error");
        }
        assertThat(location(browser.signIn("guess-gus", "guess 5"))).endsWith("/login?locked=30");
        assertThat(location(browser.signIn("guess-gus", "the right long secret")))
                .as("while locked, not even the right password is checked").endsWith("/login?locked=30");
        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(browser.get("/login?locked=30").body()).contains("wait 30 s before trying again");
        assertThat(location(new Browser().signIn("Guess-Gus ", "x"))).as("the same name, however written")
                .endsWith("/login?locked=30");

        clock.advance(Duration.ofSeconds(31));
        assertThat(location(browser.signIn("guess-gus", "guess 6"))).as("the next wrong one doubles the wait")
                .endsWith("/login?locked=60");
        clock.advance(Duration.ofSeconds(61));
        assertThat(location(browser.signIn("guess-gus", "the right long secret"))).doesNotContain("error", "locked");
        assertThat(browser.get("/api/v1/me").body()).contains("\"username\":\"guess-gus\"");

        Browser other = new Browser();
        for (int i = 1; i < 5; i++) {
            assertThat(location(other.signIn("guess-gus", "again " + i))).as("signing in cleared the count")
                    .endsWith("/login?error");
        }
        assertThat(location(other.signIn("guess-gus", "again 5"))).endsWith("/login?locked=30");
        Response reset = api().as("root", Role.ADMIN).send("PATCH", "/api/v1/accounts/guess-gus",
                "{\"password\": \"a brand new long secret\"}");
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(location(other.signIn("guess-gus", "a brand new long secret"))).as("an admin's new password unlocks")
                .doesNotContain("error", "locked");
    }

    @Test
    void aNameWithNoAccountLocksLikeOneWithAnAccount() throws Exception {
        Browser browser = new Browser();
        for (int i = 1; i < 5; i++) {
            assertThat(location(browser.signIn("nobody-by-this-name", "guess " + i))).endsWith("/login?error");
        }
        assertThat(location(browser.signIn("nobody-by-this-name", "guess 5"))).endsWith("/login?locked=30");
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private Response raw(String method, String path, String authorization, String json, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                    .header("Content-Type", "application/json");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A cookie-keeping client that behaves like a browser: reads the sign-in form's CSRF token, posts it back. */
    @Test
    void theSignInFormWantsItsCsrfTokenSoNoOtherSiteCanSignABrowserIn() throws Exception {
        api().as("root", Role.ADMIN).post("/api/v1/accounts",
                "{\"username\": \"csrf-cid\", \"role\": \"VIEWER\", \"password\": \"a long enough secret\"}");
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=csrf-cid&password=a+long+enough+secret")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).as("a sign-in post without the form's token").isEqualTo(403);
        HttpResponse<String> after = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/incidents"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).as("not signed in: sent to the sign-in page").isEqualTo(302);
        assertThat(location(new Browser().signIn("csrf-cid", "a long enough secret"))).as("with the token it works")
                .doesNotContain("error");
    }

    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        String csrfToken() throws Exception {
            return FormSignIn.csrfToken(get("/login").body());
        }

        HttpResponse<String> signIn(String username, String password) throws Exception {
            String form = FormSignIn.form(username, password, csrfToken());
            return http.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postJson(String path, String json, String csrf) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (csrf != null) {
                request.header("X-CSRF-TOKEN", csrf);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }
}
