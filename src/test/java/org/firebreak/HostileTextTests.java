package org.firebreak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.firebreak.support.HttpApi.Response;
import org.firebreak.support.OwnSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * What issue 14 found as a new user would, on both stores: a NUL in a title or a note, a public status update just
 * under its documented 4,000 characters. One rule decides what text may be stored ({@code StoredText}); every
 * documented length holds at the limit with the texts quoted in longer ones (the timeline) stored whole.
 */
@FirebreakIntegrationTest
class HostileTextTests {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        OwnSchema.register(registry);
    }

    @LocalServerPort
    int port;

    HttpApi api;

    @BeforeEach
    void client() {
        api = new HttpApi(port).as("alice");
    }

    private String open(String title) {
        Response opened = api.post("/api/v1/incidents", """
                {"title": "%s", "criteria": ["funds at risk"]}""".formatted(title));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().get("id").asString();
    }

    private long incidents() {
        return api.get("/api/v1/incidents?size=1").json().get("total").asLong();
    }

    /** The timeline's texts but for deliveries, which the notification module writes in its own time. */
    private List<String> timeline(String id) {
        List<String> texts = new ArrayList<>();
        api.get("/api/v1/incidents/" + id + "/timeline").json().forEach(e -> {
            if (!e.get("kind").asString().equals("NOTIFICATION")) {
                texts.add(e.get("text").asString());
            }
        });
        return texts;
    }

    private static String field(Response refused) {
        return refused.json().get("errors").get(0).get("field").asString();
    }

    @Test
    void aNulInATitleIsRefusedNamingTheFieldAndOpensNothing() {
        long before = incidents();

        Response refused = api.post("/api/v1/incidents", """
                {"title": "Bundler down\\u0000", "criteria": ["funds at risk"]}""");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(field(refused)).isEqualTo("title");
        assertThat(refused.json().get("detail").asString())
                .startsWith("title: holds the control character U+0000 at position 12; text may hold any character");
        assertThat(incidents()).isEqualTo(before);
    }

    @Test
    void aNulOrHalfASurrogatePairInANoteIsRefusedAndTheTimelineKeepsItsEntries() {
        String id = open("Paymaster balance low");
        List<String> before = timeline(id);

        Response nul = api.post("/api/v1/incidents/" + id + "/notes", "{\"text\": \"checked \\u0000 twice\"}");
        Response half = api.post("/api/v1/incidents/" + id + "/notes", "{\"text\": \"checked \\ud800 twice\"}");
        Response escape = api.post("/api/v1/incidents/" + id + "/notes", "{\"text\": \"\\u001b[31mred\"}");

        for (Response refused : List.of(nul, half, escape)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(field(refused)).isEqualTo("text");
        }
        assertThat(timeline(id)).isEqualTo(before);
    }

    @Test
    void newlinesTabsAndAnyLanguageOrEmojiAreKeptAsTyped() {
        String id = open("Ωμέγα relayer 🚨");
        String text = "line one\\nline two\\twith a tab — 漢字 🚨";

        Response noted = api.post("/api/v1/incidents/" + id + "/notes", "{\"text\": \"" + text + "\"}");

        assertThat(noted.status()).as(noted.body()).isEqualTo(200);
        assertThat(timeline(id)).contains("line one\nline two\twith a tab — 漢字 🚨");
        assertThat(api.get("/api/v1/incidents/" + id).json().get("title").asString()).isEqualTo("Ωμέγα relayer 🚨");
    }

    @Test
    void aPublicStatusUpdateUpToItsLimitIsStoredWholeAndQuotedWholeOnTheTimeline() {
        String id = open("RPC lagging");
        for (int length : new int[] { 3990, 3999, 4000 }) {
            String text = "é".repeat(length);

            Response posted = api.post("/api/v1/incidents/" + id + "/updates", """
                    {"text": "%s", "status": "investigating", "visibility": "public"}""".formatted(text));

            assertThat(posted.status()).as(length + ": " + posted.body()).isEqualTo(201);
            assertThat(posted.json().get("text").asString()).hasSize(length);
            assertThat(timeline(id)).anySatisfy(entry -> assertThat(entry).startsWith("Status update (")
                    .endsWith("): " + text).hasSizeLessThan(text.length() + 40));
        }
        List<String> before = timeline(id);
        Response tooLong = api.post("/api/v1/incidents/" + id + "/updates", """
                {"text": "%s", "status": "investigating", "visibility": "public"}""".formatted("é".repeat(4001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(field(tooLong)).isEqualTo("text");
        assertThat(timeline(id)).isEqualTo(before);
    }

    @Test
    void aTitleAndANoteHoldAtLimitMinusOneLimitAndLimitPlusOne() {
        assertThat(api.post("/api/v1/incidents", "{\"title\": \"" + "ß".repeat(199) + "\", \"criteria\": [\"funds at risk\"]}")
                .status()).isEqualTo(201);
        String id = open("ß".repeat(200));
        Response title201 = api.post("/api/v1/incidents",
                "{\"title\": \"" + "ß".repeat(201) + "\", \"criteria\": [\"funds at risk\"]}");
        assertThat(title201.status()).isEqualTo(400);
        assertThat(field(title201)).isEqualTo("title");

        for (int length : new int[] { 3999, 4000 }) {
            Response noted = api.post("/api/v1/incidents/" + id + "/notes", "{\"text\": \"" + "ж".repeat(length) + "\"}");
            assertThat(noted.status()).as(noted.body()).isEqualTo(200);
            assertThat(timeline(id)).contains("ж".repeat(length));
        }
        Response note4001 = api.post("/api/v1/incidents/" + id + "/notes", "{\"text\": \"" + "ж".repeat(4001) + "\"}");
        assertThat(note4001.status()).isEqualTo(400);
        assertThat(field(note4001)).isEqualTo("text");
    }

    @Test
    void theOpenIncidentFormRefusesANulInItsOwnErrorListAndOpensNothing() {
        long before = incidents();

        Response refused = api.form("/incidents", "title", "Bundler\u0000down", "criteria", "FUNDS_AT_RISK", "type",
                "UNCLASSIFIED");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("The incident was not opened", "id=\"title-error\"",
                "title: holds the control character U+0000 at position 7").contains("value=\"Bundler\ufffddown\"")
                .contains("value=\"FUNDS_AT_RISK\" checked").doesNotContain("Exception", "\u0000");
        assertThat(incidents()).isEqualTo(before);
    }

    @Test
    void aNoteWithANulTypedInTheIncidentRoomGoesBackToTheRoomAndWritesNothing() {
        String id = open("Room note target");
        List<String> before = timeline(id);

        Response refused = api.form("/incidents/" + id + "/notes", "text", "checked\u0000");

        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).endsWith("/incidents/" + id);
        assertThat(timeline(id)).isEqualTo(before);
    }

    @Test
    void anAlertSendersControlCharactersAreReplacedAndTheAlertIsStored() {
        Response sent = api.postBearer("/api/v1/integrations/alertmanager/alertmanager", "devnet-alertmanager-secret", """
                {"version": "4", "status": "firing", "groupKey": "{}:{alertname=\\"Nul\\"}",
                 "alerts": [{"status": "firing", "fingerprint": "hostile-nul-1",
                   "labels": {"alertname": "Nul\\u0000Alert", "node\\u0007": "n1"},
                   "annotations": {"summary": "Head lag\\u0000 on n1 \\ud800"}}]}""");

        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        JsonNode alert = api.get("/api/v1/integrations/alertmanager/alerts/hostile-nul-1").json();
        assertThat(alert.get("title").asString()).isEqualTo("Head lag\ufffd on n1 \ufffd");
        assertThat(alert.get("labels").get("alertname").asString()).isEqualTo("Nul\ufffdAlert");
        assertThat(alert.get("labels").has("node\ufffd")).isTrue();
    }
}
