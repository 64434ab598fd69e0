package org.firebreak.console.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firebreak.incident.OpenIncidentBuilder.anIncident;

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
import org.firebreak.support.FirebreakIntegrationTest;
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
    void thePlaybookCatalogueListsTheSixShippedPlaybooksAndAPlaybooksStepsInOrder() {
        HttpApi http = new HttpApi(port);
        HttpApi.Response catalogue = http.get("/playbooks");
        assertThat(catalogue.status()).isEqualTo(200);
        assertThat(hrefs(catalogue.body(), "/playbooks/([a-z-]+)")).containsExactlyInAnyOrder("critical-response",
                "high-response", "standard-response", "delegation-failure", "account-creation-failure",
                "performance-degradation");

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
