package org.firebreak.console.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firebreak.incident.OpenIncidentBuilder.anIncident;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.oncall.NewOverride;
import org.firebreak.oncall.OnCallApi;
import org.firebreak.shared.Severity;
import org.firebreak.shared.web.Role;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.FormSignIn;
import org.firebreak.support.HttpApi;
import org.firebreak.support.OwnSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console's incident list, playbook catalogue and on-call page over real HTTP, as a browser without script gets
 * them (and, for the incident list, as htmx asks for its results).
 */
@FirebreakIntegrationTest
class ConsoleListPagesTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        OwnSchema.register(registry);
        registry.add("firebreak.oncall.file", () -> "src/test/resources/console/lists-oncall.yml");
    }

    @LocalServerPort
    int port;

    @Autowired
    IncidentApi incidents;

    @Autowired
    OnCallApi oncall;

    @Test
    void theIncidentListFiltersFindsByTitleAndPagesInTwentyFives() {
        List<IncidentId> high = new ArrayList<>();
        for (int i = 1; i <= 28; i++) {
            high.add(incidents.open(anIncident().titled("Bundler backlog " + i).withSeverity(Severity.HIGH).build(),
                    "alice").id());
        }
        IncidentId critical = incidents.open(anIncident().titled("Paymaster drained").withSeverity(Severity.CRITICAL)
                .build(), "alice").id();
        IncidentId resolved = incidents.open(anIncident().titled("Paymaster deposit low").withSeverity(Severity.LOW)
                .build(), "alice").id();
        incidents.changeStatus(resolved, IncidentStatus.RESOLVED, "topped up", "alice");
        HttpApi http = new HttpApi(port);

        HttpApi.Response first = http.get("/incidents?severity=HIGH");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("1–25 of 28").contains("Bundler backlog 28").contains("Bundler backlog 4<")
                .doesNotContain("Bundler backlog 3<").doesNotContain("Paymaster drained")
                .contains("<option value=\"HIGH\" selected=\"selected\">HIGH</option>")
                .contains("href=\"/incidents?severity=HIGH&amp;page=1\"");
        assertThat(rowIds(first.body())).hasSize(25).first().isEqualTo(high.getLast().toString());

        HttpApi.Response second = http.get("/incidents?severity=HIGH&page=1");
        assertThat(second.body()).contains("26–28 of 28").contains("href=\"/incidents?severity=HIGH&amp;page=0\"")
                .doesNotContain("rel=\"next\"");
        assertThat(rowIds(second.body())).containsExactly(high.get(2).toString(), high.get(1).toString(),
                high.get(0).toString());

        HttpApi.Response found = http.get("/incidents?q=PAYMASTER");
        assertThat(rowIds(found.body())).containsExactly(resolved.toString(), critical.toString());
        assertThat(found.body()).contains("<span class=\"sev sev-CRITICAL\">CRITICAL</span>")
                .contains("href=\"/incidents/" + critical + "\"");
        assertThat(rowIds(http.get("/incidents?q=paymaster&state=open").body())).containsExactly(critical.toString());
        assertThat(rowIds(http.get("/incidents?q=paymaster&state=closed").body())).containsExactly(resolved.toString());
        assertThat(rowIds(http.get("/incidents?status=RESOLVED").body())).containsExactly(resolved.toString());
        assertThat(http.get("/incidents?q=no+such+title").body()).contains("No incident matches.");
    }

    @Test
    void htmxGetsOnlyTheResultsAndBadFiltersAreNamed() {
        incidents.open(anIncident().titled("Sequencer stalled").withSeverity(Severity.MEDIUM).build(), "alice");
        HttpApi http = new HttpApi(port);

        HttpApi.Response results = new HttpApi(port).get("/incidents?q=sequencer", "HX-Request", "true",
                "HX-Target", "results");
        assertThat(results.status()).isEqualTo(200);
        assertThat(results.body()).startsWith("<section id=\"results\"").contains("Sequencer stalled")
                .doesNotContain("<nav class=\"nav\"");

        HttpApi.Response bad = http.get("/incidents?severity=SEVERE");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("severity: &#39;SEVERE&#39; is not one of [CRITICAL, HIGH, MEDIUM, LOW]")
                .contains("<nav class=\"nav\"");
    }

    @Test
    void theIncidentListOffersOnlyTheSelectionActionsARoleAllowsAndRefusesTheOthers() throws Exception {
        IncidentId id = incidents.open(anIncident().titled("Roles on the list").withSeverity(Severity.LOW).build(),
                "alice").id();

        String viewer = new HttpApi(port).as("vic", Role.VIEWER).get("/incidents?q=roles+on+the+list").body();
        String responder = new HttpApi(port).as("rosa", Role.RESPONDER).get("/incidents?q=roles+on+the+list").body();
        String commander = new HttpApi(port).as("cody", Role.COMMANDER).get("/incidents?q=roles+on+the+list").body();

        assertThat(viewer).contains("Roles on the list").doesNotContain("name=\"incidents\"", "data-select-all",
                "action=\"/incidents/bulk\"", "selected</button>");
        assertThat(responder).contains("<input type=\"checkbox\" name=\"incidents\" value=\"" + id + "\"",
                "data-select-all=\"incidents\"", "value=\"ACKNOWLEDGE\">Acknowledge selected</button>")
                .doesNotContain("Resolve selected");
        assertThat(commander).contains("Acknowledge selected", "value=\"RESOLVE\">Resolve selected</button>");

        HttpApi.Response viewerPosts = new HttpApi(port).as("vic", Role.VIEWER).form("/incidents/bulk", "action",
                "ACKNOWLEDGE", "incidents", id.toString());
        HttpResponse<String> responderResolves = browse("Authorization", "Bearer " + new HttpApi(port).tokenFor("rosa",
                Role.RESPONDER), "POST", "/incidents/bulk", "action=RESOLVE&incidents=" + id);
        assertThat(viewerPosts.status()).isEqualTo(403);
        assertThat(responderResolves.statusCode()).isEqualTo(403);
        assertThat(responderResolves.body()).contains("Not allowed",
                "rosa is a responder; resolving a selection of incidents needs the role commander or higher");
        assertThat(incidents.get(id).status()).isEqualTo(IncidentStatus.TRIGGERED);
    }

    @Test
    void aSignedInCommanderAcknowledgesTheTickedRowsWithTheFormsCsrfTokenAndSeesHowManyChanged() throws Exception {
        IncidentId triggered = incidents.open(anIncident().titled("Flood one").withSeverity(Severity.LOW).build(),
                "alice").id();
        IncidentId acknowledged = incidents.open(anIncident().titled("Flood two").withSeverity(Severity.LOW).build(),
                "alice").id();
        incidents.changeStatus(acknowledged, IncidentStatus.ACKNOWLEDGED, null, "alice");
        new HttpApi(port).post("/api/v1/accounts",
                "{\"username\": \"flo\", \"role\": \"COMMANDER\", \"password\": \"a night of floods\"}");
        String session = FormSignIn.sessionCookie(port, "flo", "a night of floods");
        String csrf = FormSignIn.csrfToken(browse("Cookie", session, "GET", "/incidents?q=flood", null).body());

        HttpResponse<String> forged = browse("Cookie", session, "POST", "/incidents/bulk",
                "action=ACKNOWLEDGE&incidents=" + triggered);
        HttpResponse<String> posted = browse("Cookie", session, "POST", "/incidents/bulk", "action=ACKNOWLEDGE&incidents="
                + triggered + "&incidents=" + acknowledged + "&note=one+storm&back=q%3Dflood&_csrf=" + csrf);

        assertThat(forged.statusCode()).as("no CSRF token, no change").isEqualTo(403);
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/incidents?q=flood");
        assertThat(browse("Cookie", session, "GET", "/incidents?q=flood", null).body())
                .contains("Acknowledged the selection: 1 changed, 1 unchanged, 0 refused, 0 not found.");
        assertThat(incidents.get(triggered).status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(incidents.timeline(triggered).getLast().text()).isEqualTo("Status TRIGGERED → ACKNOWLEDGED - one storm");
        assertThat(incidents.timeline(triggered).getLast().actor()).isEqualTo("flo");

        browse("Cookie", session, "POST", "/incidents/bulk", "action=RESOLVE&back=q%3Dflood&_csrf=" + csrf);
        assertThat(browse("Cookie", session, "GET", "/incidents?q=flood", null).body())
                .contains("Nothing was changed: incidents: is empty: select at least one incident");
        assertThat(incidents.get(triggered).status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
    }

    /** A request as a browser sends it, accepting a page: signed in by the header given, a form url-encoded. */
    private HttpResponse<String> browse(String header, String credential, String method, String path, String form)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(header, credential).header("Accept", "text/html");
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        return HttpClient.newHttpClient().send(request.method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePlaybookCatalogueListsTheSevenShippedPlaybooksAndAPlaybooksStepsInOrder() {
        HttpApi http = new HttpApi(port);
        HttpApi.Response catalogue = http.get("/playbooks");
        assertThat(catalogue.status()).isEqualTo(200);
        assertThat(hrefs(catalogue.body(), "/playbooks/([a-z-]+)")).containsExactlyInAnyOrder("critical-response",
                "high-response", "standard-response", "delegation-failure", "account-creation-failure",
                "performance-degradation", "delegated-account-drained");

        HttpApi.Response playbook = http.get("/playbooks/delegation-failure");
        assertThat(playbook.status()).isEqualTo(200);
        assertThat(texts(playbook.body(), "<div class=\"step-title\">([^<]+)</div>")).containsExactly(
                "Check delegation framework", "Check permissions", "Check expiry times", "Review recent changes",
                "Implement fix");
        assertThat(playbook.body()).contains("diagnostic:delegation-framework")
                .contains("check: runs by itself when the incident opens").contains(">manual<")
                .contains("Decode timestamp and block-number caveats against chain time");
        assertThat(http.get("/playbooks/critical-response").body())
                .contains("action: runs only when the incident commander confirms it");
        assertThat(http.get("/playbooks/no-such-playbook").status()).isEqualTo(404);
    }

    @Test
    void onCallShowsWhoIsPagedNowPerLevelAndTheHandOversOfTheNextSevenDays() {
        oncall.addOverride("ops", new NewOverride("frank", Instant.parse("2026-11-27T12:07:00Z"),
                Instant.parse("2026-11-27T18:00:00Z"), "covering erin"), "alice");

        HttpApi.Response page = new HttpApi(port).get("/oncall");
        assertThat(page.status()).isEqualTo(200);
        String body = page.body().replaceAll("\\s+", " ");
        assertThat(body).contains("<th scope=\"row\">L1</th> <td>Ops engineer</td> <td> <strong>Dana Ops</strong>")
                .contains("<th scope=\"row\">L2</th> <td>Ops lead</td> <td> <strong>Frank Lead</strong>")
                .contains("CRITICAL 5m, HIGH 20m");
        assertThat(texts(body, "<td><span>([^<]+)</span> <span class=\"tag\">hand-over</span></td> <td>[^<]+</td> <td>([^<]+)</td>",
                2)).containsExactly(
                        "2026-11-25 10:00Z Erin Ops", "2026-11-26 10:00Z Dana Ops", "2026-11-27 10:00Z Erin Ops",
                        "2026-11-27 12:07Z Frank Lead", "2026-11-27 18:00Z Erin Ops", "2026-11-28 10:00Z Dana Ops",
                        "2026-11-29 10:00Z Erin Ops", "2026-11-30 10:00Z Dana Ops", "2026-12-01 10:00Z Erin Ops");
    }

    private static List<String> rowIds(String html) {
        return texts(html, "<td class=\"mono\"><a href=\"/incidents/(INC-\\d+)\"");
    }

    private static List<String> hrefs(String html, String pattern) {
        return texts(html, "href=\"" + pattern + "\"");
    }

    private static List<String> texts(String html, String pattern) {
        return texts(html, pattern, 1);
    }

    private static List<String> texts(String html, String pattern, int groups) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(pattern).matcher(html);
        while (m.find()) {
            StringBuilder text = new StringBuilder();
            for (int g = 1; g <= groups; g++) {
                text.append(g > 1 ? " " : "").append(m.group(g));
            }
            found.add(text.toString());
        }
        return found;
    }
}
