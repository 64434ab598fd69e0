package org.firebreak.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentFilter;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.OpenIncident;
import org.firebreak.incident.StepState;
import org.firebreak.incident.StepView;
import org.firebreak.incident.TimelineKind;
import org.firebreak.shared.web.Role;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.firebreak.support.HttpApi.Response;
import org.firebreak.support.Settle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console's incident pages over real HTTP: what a browser gets, and what its form posts change. */
@FirebreakIntegrationTest
class ConsolePagesTests {

    private static final Pattern STEP = Pattern.compile("data-step=\"([^\"]+)\"");

    @Autowired
    org.firebreak.detection.rules.RuleEngine ruleEngine;

    @Autowired
    org.firebreak.detection.MonitorApi monitors;

    @LocalServerPort
    int port;

    @Autowired
    IncidentApi incidents;

    @Autowired
    org.firebreak.oncall.OnCallApi oncall;

    private HttpApi as(String actor) {
        return new HttpApi(port).as(actor);
    }

    private IncidentId openCritical(String title) {
        return incidents.open(new OpenIncident(title, null, null, List.of("funds at risk"), "DELEGATION_FAILURE",
                List.of("delegations"), "carol", List.of("bob"), null), "alice").id();
    }

    private StepView step(IncidentId id, String title) {
        return incidents.get(id).checklist().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void theDashboardListsAnOpenCriticalIncidentWithItsSeverityWordCommanderAndResponders() {
        IncidentId id = openCritical("Redemptions drained on the dashboard");

        Response page = as("alice").get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        int row = page.body().indexOf("data-incident=\"" + id + "\"");
        assertThat(row).as("a row for " + id).isPositive();
        String rowHtml = page.body().substring(row, page.body().indexOf("</tr>", row));
        assertThat(rowHtml).contains("<span class=\"sev sev-CRITICAL\">CRITICAL</span>", "Redemptions drained on the dashboard",
                "TRIGGERED", "carol", "bob", "ago");
        Matcher count = Pattern.compile("data-count=\"CRITICAL\">(\\d+)<").matcher(page.body());
        assertThat(count.find()).isTrue();
        assertThat(Long.parseLong(count.group(1))).isEqualTo(
                incidents.list(new IncidentFilter(null, org.firebreak.shared.Severity.CRITICAL, null, true, null), 0, 1).total())
                .isPositive();
        assertThat(page.body()).contains("On call now", "Status page", "Monitors");
        String path = page.body().substring(page.body().indexOf("class=\"facts escalation\""));
        path = path.substring(0, path.indexOf("</dl>"));
        org.firebreak.oncall.Person primary = oncall.onCallNow("primary").person();
        assertThat(path).as("the plan's escalation path, level by level, with whom each would page now")
                .containsSubsequence("L1</abbr> <span>On-call engineer</span>",
                        primary == null ? "nobody" : primary.name(), "Primary on-call",
                        "L2</abbr> <span>Senior engineer</span>", "Bob (senior engineer)",
                        "L3</abbr> <span>Engineering lead</span>", "Carol (engineering lead)");
    }

    @Test
    void theDashboardShowsWhatEachMonitorHoldsAndWhichCannotCheck() {
        ruleEngine.tick();
        List<org.firebreak.detection.RuleStatus> rules = monitors.rules();
        String body = as("alice").get("/").body();
        long holding = rules.stream().filter(r -> !r.instances().isEmpty()).count();
        assertThat(body).contains(holding + " of " + rules.size() + " rules holding");
        rules.stream().filter(r -> !r.instances().isEmpty()).forEach(r -> assertThat(body).contains(r.title()));
        rules.stream().filter(r -> r.lastError() != null)
                .forEach(r -> assertThat(body).contains("CANNOT CHECK").contains(org.springframework.web.util.HtmlUtils.htmlEscape(r.lastError())));
        assertThat(body).contains("Rules last looked");
    }

    @Test
    void theRoomShowsTheCriticalChecklistWithPauseSystemFirstBehindAConfirmation() {
        IncidentId id = openCritical("Room checklist");

        Response page = as("carol").get("/incidents/" + id);

        assertThat(page.status()).isEqualTo(200);
        List<String> steps = new ArrayList<>();
        Matcher m = STEP.matcher(page.body());
        while (m.find()) {
            steps.add(m.group(1));
        }
        assertThat(steps).hasSameSizeAs(incidents.get(id).checklist()).first().isEqualTo("Pause system");
        assertThat(steps).contains("Assess impact", "Check delegation framework");
        assertThat(page.body()).contains("id=\"confirm-step-1\"", "Only the incident commander (carol) may run it",
                "action=\"/incidents/" + id + "/steps/1/run\"", "Acknowledge", "sse-connect=\"/incidents/" + id + "/events?since=");
    }

    @Test
    void theRoomListsTheAlertsBehindTheIncidentByGroupAndSplitsOutOnlyWhatAStormTookIn() {
        String run = java.util.UUID.randomUUID().toString().substring(0, 8);
        Response sent = new HttpApi(port).postBearer("/api/v1/integrations/alertmanager/alertmanager",
                "devnet-alertmanager-secret", """
                        {"version": "4", "status": "firing", "groupKey": "room-%1$s", "groupLabels": {"alertname": "Room%1$s"},
                         "alerts": [{"status": "firing", "fingerprint": "%1$s-a", "labels": {"alertname": "Room%1$s"}},
                                    {"status": "firing", "fingerprint": "%1$s-b", "labels": {"alertname": "Room%1$s"}}]}""".formatted(run));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        String id = new HttpApi(port).get("/api/v1/integrations/alertmanager/alerts/" + run + "-a").json()
                .get("incident").asString();

        String room = as("bob").get("/incidents/" + id).body();
        assertThat(room).contains("Alerts (2)", "Room" + run + ": 2 alerts", run + "-a", run + "-b", "id=\"alert-groups\"")
                .doesNotContain("Split out");
        long group = new HttpApi(port).get("/api/v1/incidents/" + id + "/alerts").json().get("groups").get(0).get("id")
                .asLong();
        Response split = as("bob").form("/incidents/" + id + "/alert-groups/" + group + "/split");
        assertThat(split.status()).isEqualTo(302);
        assertThat(split.location()).endsWith("/incidents/" + id + "#alerts");
        assertThat(new HttpApi(port).get("/api/v1/incidents/" + id + "/alerts").json().get("alerts")).hasSize(2);
    }

    @Test
    void postingAStepDoneCompletesItAsThePosterAndComesBackToTheStep() {
        IncidentId id = openCritical("Step done by form");
        int assess = step(id, "Assess impact").no();

        Response posted = as("bob").form("/incidents/" + id + "/steps/" + assess + "/done", "note",
                "every redemption since block 18 reverts");

        assertThat(posted.status()).isEqualTo(302);
        assertThat(posted.location()).endsWith("/incidents/" + id + "#step-" + assess);
        StepView done = step(id, "Assess impact");
        assertThat(done.state()).isEqualTo(StepState.DONE);
        assertThat(done.by()).isEqualTo("bob");
        assertThat(done.note()).isEqualTo("every redemption since block 18 reverts");
        assertThat(as("bob").get("/incidents/" + id + "/panels/checklist").body())
                .contains("Done by bob", "every redemption since block 18 reverts");
    }

    @Test
    void aSkipWithoutAReasonIsRefusedWithTheFieldAndChangesNothing() {
        IncidentId id = openCritical("Skip without reason");
        int assess = step(id, "Assess impact").no();

        Response posted = as("bob").form("/incidents/" + id + "/steps/" + assess + "/skip", "reason", "  ");

        assertThat(posted.status()).isEqualTo(302);
        assertThat(step(id, "Assess impact").state()).isEqualTo(StepState.PENDING);
        assertThat(incidents.timeline(id)).noneMatch(e -> e.kind() == TimelineKind.STEP_SKIPPED);
        assertThat(posted.location()).endsWith("/incidents/" + id + "#step-" + assess);
    }

    @Test
    void statusButtonsMoveTheIncidentAndAMoveThePlanForbidsIsRefused() {
        IncidentId id = openCritical("Status by buttons");

        assertThat(as("carol").form("/incidents/" + id + "/acknowledge").status()).isEqualTo(302);
        assertThat(incidents.get(id).status().name()).isEqualTo("ACKNOWLEDGED");
        as("carol").form("/incidents/" + id + "/status", "status", "CLOSED");
        assertThat(incidents.get(id).status().name()).isEqualTo("ACKNOWLEDGED");
        as("carol").form("/incidents/" + id + "/status", "status", "resolved");
        assertThat(incidents.get(id).status().name()).isEqualTo("RESOLVED");
    }

    @Test
    void theSeverityPreviewNamesTheMostSevereLevelAndTheCriteriaThatDecideIt() {
        assertThat(as("dave").get("/incidents/new/severity?criteria=FUNDS_AT_RISK&criteria=PERFORMANCE_ISSUES").body())
                .contains("Critical — Funds at risk", "sev-CRITICAL").doesNotContain("Performance issues");
        assertThat(as("dave").get("/incidents/new/severity?criteria=performance+issues&criteria=DATA_INTEGRITY_CONCERNS")
                .body()).contains("High — Performance issues, Data integrity concerns");
        assertThat(as("dave").get("/incidents/new/severity?criteria=COSMETIC_ISSUES").body()).contains("Low — Cosmetic issues");
        assertThat(as("dave").get("/incidents/new/severity").body()).contains("Tick at least one criterion")
                .doesNotContain("sev-");
    }

    @Test
    void theFormOpensAnIncidentAndLandsInItsRoom() {
        long before = incidents.list(IncidentFilter.all(), 0, 1).total();

        Response posted = as("erin").form("/incidents", "title", "Paymaster deposit drained", "criteria",
                "FUNDS_AT_RISK", "criteria", "PERFORMANCE_ISSUES", "type", "DELEGATION_FAILURE", "components",
                "delegations, paymaster", "commander", "", "summary", "deposit fell to 0 in block 40");

        assertThat(posted.status()).as(posted.body()).isEqualTo(302);
        IncidentId id = IncidentId.parse(posted.location().substring(posted.location().lastIndexOf('/') + 1));
        var opened = incidents.get(id);
        assertThat(incidents.list(IncidentFilter.all(), 0, 1).total()).isEqualTo(before + 1);
        assertThat(opened.severity().name()).isEqualTo("CRITICAL");
        assertThat(opened.commander()).isEqualTo("erin");
        assertThat(opened.components()).containsExactly("delegations", "paymaster");
        assertThat(opened.summary()).isEqualTo("deposit fell to 0 in block 40");
        assertThat(opened.checklist().getFirst().title()).isEqualTo("Pause system");
    }

    @Test
    void badFormInputComesBackWithTheFieldNamedAndOpensNothing() {
        long before = incidents.list(IncidentFilter.all(), 0, 1).total();

        Response noTitle = as("erin").form("/incidents", "title", " ", "criteria", "FUNDS_AT_RISK", "type",
                "DELEGATION_FAILURE");
        Response noCriteria = as("erin").form("/incidents", "title", "Something odd", "type", "UNCLASSIFIED");
        Response badComponent = as("erin").form("/incidents", "title", "Something odd", "criteria",
                "COSMETIC_ISSUES", "components", "ok, !bad");
        Response badType = as("erin").form("/incidents", "title", "Something odd", "criteria", "COSMETIC_ISSUES",
                "type", "NOT_A_TYPE");

        assertThat(noTitle.status()).isEqualTo(422);
        assertThat(noTitle.body()).contains("The incident was not opened", "title: ", "id=\"title-error\"")
                .contains("value=\"FUNDS_AT_RISK\" checked").doesNotContain("Exception", "at org.");
        assertThat(noCriteria.status()).isEqualTo(422);
        assertThat(noCriteria.body()).contains("criteria: tick at least one: the plan&#39;s criteria give the severity")
                .contains("value=\"Something odd\"");
        assertThat(badComponent.status()).isEqualTo(422);
        assertThat(badComponent.body()).contains("components: ");
        assertThat(badType.status()).isEqualTo(422);
        assertThat(badType.body()).contains("type: &#39;NOT_A_TYPE&#39; has no playbook");
        assertThat(incidents.list(IncidentFilter.all(), 0, 1).total()).isEqualTo(before);
    }

    @Test
    void anIncidentThatDoesNotExistIsANotFoundPageNotAStackTrace() {
        Response missing = as("alice").get("/incidents/INC-99999");
        Response malformed = as("alice").get("/incidents/nonsense");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("INC-99999").doesNotContain("at org.");
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(malformed.body()).contains("is not an incident id");
    }

    @Test
    void theTimelineFilterShowsOnlyItsKind() {
        IncidentId id = openCritical("Timeline filter");
        incidents.addNote(id, "a person's note", "bob");

        String people = as("bob").get("/incidents/" + id + "/panels/timeline?show=human").body();
        String notifications = as("bob").get("/incidents/" + id + "/panels/timeline?show=notifications").body();

        assertThat(people).contains("a person&#39;s note", "Opened CRITICAL");
        assertThat(notifications).doesNotContain("a person&#39;s note").doesNotContain("Opened CRITICAL");
        assertThat(people).contains("hx-get=\"/incidents/" + id + "/panels/timeline?show=human\"");
    }

    @Test
    void aRoomsEventStreamSaysChangedWhenSomeoneElseChangesTheIncident() throws Exception {
        IncidentId id = openCritical("Live room");
        IncidentId other = openCritical("Someone else's incident");
        // The automated checks and the stakeholder notice of a new incident land on their own threads: let them.
        Settle.settle(incidents, id);
        Response page = as("alice").get("/incidents/" + id);
        Matcher since = Pattern.compile("/events\\?since=(\\d+)").matcher(page.body());
        assertThat(since.find()).isTrue();

        try (Stream room = Stream.open(port, "/incidents/" + id + "/events?since=" + since.group(1));
                Stream dashboard = Stream.open(port, "/events?since=" + Pattern.compile("since=(\\d+)")
                        .matcher(as("alice").get("/").body()).results().findFirst().orElseThrow().group(1))) {
            incidents.addNote(other, "not this room", "bob");
            assertThat(dashboard.awaitChanged()).isTrue();
            assertThat(room.changedWithin(Duration.ofMillis(1500))).as("a change elsewhere is not this room's").isFalse();

            incidents.addNote(id, "from another node", "bob");

            assertThat(room.awaitChanged()).isTrue();
        }
    }

    /** A raw server-sent event stream, read on its own thread. */
    private static final class Stream implements AutoCloseable {

        private final InputStream body;
        private final StringBuffer seen = new StringBuffer();
        private final CompletableFuture<Void> reader;
        private int consumed;

        private Stream(InputStream body) {
            this.body = body;
            this.reader = CompletableFuture.runAsync(() -> {
                byte[] buffer = new byte[1024];
                try {
                    for (int n; (n = body.read(buffer)) > 0;) {
                        seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    // closed by the test
                }
            });
        }

        static Stream open(int port, String path) throws Exception {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .header("Accept", "text/event-stream")
                            .header("Authorization", "Bearer " + new HttpApi(port).tokenFor("watcher", Role.VIEWER)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            return new Stream(response.body());
        }

        boolean changedWithin(Duration wait) throws InterruptedException {
            long until = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < until) {
                int at = seen.indexOf("event:changed", consumed);
                if (at >= 0) {
                    consumed = at + 1;
                    return true;
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
            return false;
        }

        boolean awaitChanged() throws InterruptedException {
            return changedWithin(Duration.ofSeconds(5));
        }

        @Override
        public void close() throws IOException {
            body.close();
            reader.cancel(true);
        }
    }
}
