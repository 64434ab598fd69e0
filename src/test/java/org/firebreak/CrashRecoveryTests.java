package org.firebreak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.firebreak.support.FirebreakProcess;
import org.firebreak.support.FormSignIn;
import org.firebreak.support.HttpApi;
import org.firebreak.support.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Everything the API acknowledged survives {@code kill -9} of the server, and so does a console sign-in. */
@Tag("integration")
class CrashRecoveryTests {

    @Test
    void killDashNineLosesNoIncidentStepOrTimelineEntry() throws Exception {
        Path dataDir = Path.of("target/test-data/crash-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("server.log");
        String id;
        JsonNode timelineBefore;
        JsonNode incidentBefore;
        String session;

        try (FirebreakProcess server = FirebreakProcess.start(dataDir, log)) {
            HttpApi api = new HttpApi(server.port());
            HttpApi.Response account = api.post("/api/v1/accounts", "{\"username\": \"night-nina\", \"role\": "
                    + "\"RESPONDER\", \"password\": \"a night on call\"}");
            assertThat(account.status()).as(account.body()).isEqualTo(201);
            session = FormSignIn.sessionCookie(server.port(), "night-nina", "a night on call");
            id = api.post("/api/v1/incidents", """
                    {"title": "EntryPoint code changed", "criteria": ["security breach"],
                     "type": "ACCOUNT_CREATION_FAILURE"}""").json().get("id").asString();
            String timelinePath = "/api/v1/incidents/" + id + "/timeline";
            // The automated checks and the first page are written on their own threads; all of it before going on.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> texts(api.get(timelinePath).json(), "STEP_RAN").size() == 4
                            && texts(api.get(timelinePath).json(), "ESCALATION").size() == 2);
            api.post("/api/v1/incidents/" + id + "/status", "{\"status\": \"ACKNOWLEDGED\"}");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> texts(api.get(timelinePath).json(), "ESCALATION").size() == 3);
            // Deliveries (the stakeholders' notice, the page, paging stopped) land on their own threads: until they
            // stop coming, so the timeline read before the crash is the whole of it.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .pollInterval(java.time.Duration.ofMillis(1500))
                    .until(new java.util.concurrent.Callable<Boolean>() {
                        private int last = -1;

                        @Override
                        public Boolean call() {
                            int now = texts(api.get(timelinePath).json(), "NOTIFICATION").size();
                            boolean settled = now >= 2 && now == last;
                            last = now;
                            return settled;
                        }
                    });
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
            assertThat(texts(timeline, "STEP_RAN")).hasSize(4);
            assertThat(texts(timeline, "NOTE")).containsExactly("last write before the crash");
            assertThat(texts(timeline, "NOTIFICATION"))
                    .contains("STAKEHOLDER_NOTICE via console stakeholders attempt 1: delivered (written to the log)");
            assertThat(texts(timeline, "ESCALATION")).last().asString().startsWith("Paging stopped after level 1");
            assertThat(incident.get("checklist").get(1).get("state").asString()).isEqualTo("DONE");

            HttpApi.Response me = new HttpApi(restarted.port()).anonymous().get("/api/v1/me", "Cookie", session);
            assertThat(me.status()).as("the console session signed in before the crash").isEqualTo(200);
            assertThat(me.json().get("username").asString()).isEqualTo("night-nina");
            assertThat(new HttpApi(restarted.port()).anonymous().get("/api/v1/me", "Cookie", "SESSION=forged").status())
                    .isEqualTo(401);
        }
    }

    private static java.util.List<String> texts(JsonNode timeline, String kind) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        timeline.forEach(e -> {
            if (e.get("kind").asString().equals(kind)) {
                texts.add(e.get("text").asString());
            }
        });
        return texts;
    }

    /**
     * On the embedded store, repeats of a firing alert are answered from the journal beside the database and folded in
     * later: answered repeats survive {@code kill -9} before any fold, are folded once at the next start (not twice at
     * the one after), and a resolve that comes after them applies after them. On PostgreSQL (the suite's second run,
     * {@link TestPostgres}) there is no journal: the same repeats are committed before they are answered,
     * and the counts read back must be the same.
     */
    @Test
    void journalledRepeatsSurviveKillDashNineAndAreFoldedOnce() throws Exception {
        Path dataDir = Path.of("target/test-data/crash-journal-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("server.log");
        // Folded only when something reads or changes alerts: nothing does before the crash.
        java.util.Map<String, String> slowFolds = java.util.Map.of("FIREBREAK_DETECTION_JOURNAL_FOLDEVERY", "1h");
        String am = "/api/v1/integrations/alertmanager/alertmanager";
        String secret = "devnet-alertmanager-secret";
        boolean journal = !TestPostgres.inUse();
        try (FirebreakProcess server = FirebreakProcess.start(dataDir, log, slowFolds)) {
            HttpApi api = new HttpApi(server.port());
            HttpApi.Response opened = api.postBearer(am, secret, notification("firing"));
            assertThat(opened.status()).as(opened.body()).isEqualTo(200);
            for (int i = 0; i < 5; i++) {
                assertThat(api.postBearer(am, secret, notification("firing")).status()).isEqualTo(200);
            }
            // Answered from the journal, not yet in the store: five entries, one a request (none on PostgreSQL).
            assertThat(journalLines(dataDir)).isEqualTo(journal ? 5 : 0);
            server.killHard();
        }
        try (FirebreakProcess restarted = FirebreakProcess.start(dataDir, log, slowFolds)) {
            HttpApi api = new HttpApi(restarted.port());
            assertThat(journalLines(dataDir)).isZero();
            assertThat(count(api, "journal-a")).isEqualTo(6);
            assertThat(count(api, "journal-b")).isEqualTo(6);
            // Two more repeats wait in the journal when the resolved notification comes: they count first.
            for (int i = 0; i < 2; i++) {
                assertThat(api.postBearer(am, secret, notification("firing")).status()).isEqualTo(200);
            }
            assertThat(journalLines(dataDir)).isEqualTo(journal ? 2 : 0);
            assertThat(api.postBearer(am, secret, notification("resolved")).status()).isEqualTo(200);
            JsonNode a = api.get("/api/v1/integrations/alertmanager/alerts/journal-a").json();
            assertThat(a.get("status").asString()).isEqualTo("RESOLVED");
            assertThat(a.get("count").asLong()).isEqualTo(8);
        }
        try (FirebreakProcess again = FirebreakProcess.start(dataDir, log, slowFolds)) {
            HttpApi api = new HttpApi(again.port());
            assertThat(count(api, "journal-a")).isEqualTo(8);
            assertThat(count(api, "journal-b")).isEqualTo(8);
        }
    }

    private static long count(HttpApi api, String fingerprint) {
        HttpApi.Response alert = api.get("/api/v1/integrations/alertmanager/alerts/" + fingerprint);
        assertThat(alert.status()).as(alert.body()).isEqualTo(200);
        return alert.json().get("count").asLong();
    }

    /** Entries in the journal's segments now: the repeats answered and not yet folded. */
    private static long journalLines(Path dataDir) throws java.io.IOException {
        Path dir = dataDir.resolve("alert-journal");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.list(dir)) {
            long lines = 0;
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).toList()) {
                lines += Files.readAllLines(p).stream().filter(l -> !l.isBlank()).count();
            }
            return lines;
        }
    }

    private static String notification(String status) {
        String alert = """
                {"status": "%s", "labels": {"alertname": "BundleReverts", "instance": "%s"},
                 "annotations": {"summary": "handleOps reverts"}, "startsAt": "2026-12-04T03:00:00Z",
                 "endsAt": "0001-01-01T00:00:00Z", "fingerprint": "%s"}""";
        return """
                {"version": "4", "groupKey": "{}:{alertname=\\"BundleReverts\\"}", "status": "%s",
                 "receiver": "firebreak", "groupLabels": {"alertname": "BundleReverts"},
                 "alerts": [%s, %s]}""".formatted(status, alert.formatted(status, "bundler-1", "journal-a"),
                alert.formatted(status, "bundler-2", "journal-b"));
    }
}
