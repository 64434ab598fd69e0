package org.firebreak.comms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.firebreak.incident.OpenIncidentBuilder.anIncident;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.incident.IncidentView;
import org.firebreak.incident.TimelineKind;
import org.firebreak.shared.Severity;
import org.firebreak.support.DueTasks;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.firebreak.support.HttpApi.Response;
import org.firebreak.support.MutableClock;
import org.firebreak.support.OwnSchema;
import org.firebreak.support.WebhookReceiver;
import org.firebreak.support.WebhookReceiver.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plan's communication duties over real webhooks: stakeholder groups per component (from a stakeholder file),
 * the team channel, the commander's reminder as a db-scheduler execution whose due time follows the test's clock.
 */
@FirebreakIntegrationTest
class CommunicationDutiesTests {

    static final WebhookReceiver receiver = new WebhookReceiver();
    static final Duration PROMPTLY = Duration.ofSeconds(10);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        OwnSchema.register(registry);
        Path file = Path.of("target/test-data/stakeholders-" + UUID.randomUUID() + ".yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                groups:
                  - name: delegation-partners
                    components: [delegations]
                    notify:
                      - channel: webhook
                        address: %s
                  - name: rpc-customers
                    components: [rpc]
                    notify:
                      - channel: webhook
                        address: %s
                """.formatted(receiver.url("/partners"), receiver.url("/rpc")));
        registry.add("firebreak.comms.file", file::toString);
        registry.add("firebreak.scheduler.enabled", () -> "true");
        registry.add("firebreak.notify.channels[0].name", () -> "team");
        registry.add("firebreak.notify.channels[0].kind", () -> "WEBHOOK");
        registry.add("firebreak.notify.channels[0].url", () -> receiver.url("/team"));
        registry.add("firebreak.notify.channels[0].secret", () -> "team-webhook-secret-0123456789");
    }

    @Autowired
    IncidentApi incidents;
    @Autowired
    StatusUpdates updates;
    @Autowired
    StatusUpdateReminders reminders;
    @Autowired
    SchedulerClient scheduler;
    @Autowired
    MutableClock clock;
    @Autowired
    JsonMapper json;
    @LocalServerPort
    int port;

    /** The test's clock starts at the system's now, so due times it sets are real ones the scheduler can wait for. */
    @BeforeEach
    void clockAtNow() {
        if (clock.instant().isBefore(Instant.now().minusSeconds(60))) {
            clock.advance(Duration.between(clock.instant(), Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        }
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @Test
    void aCriticalIncidentTellsItsComponentsStakeholdersAtOnceAndRemindsTheCommanderEvery30MinutesUntilResolved()
            throws Exception {
        int partnersBefore = receiver.received("/partners").size();
        int rpcBefore = receiver.received("/rpc").size();
        IncidentView incident = incidents.open(anIncident().withSeverity(Severity.CRITICAL).affecting("delegations")
                .commandedBy("erin").build(), "erin");
        IncidentId id = incident.id();

        List<Received> told = receiver.await("/partners", partnersBefore + 1, PROMPTLY);
        JsonNode notice = json.readTree(told.getLast().text());
        assertThat(notice.get("kind").asString()).isEqualTo("STAKEHOLDER_NOTICE");
        assertThat(notice.get("incident").get("id").asString()).isEqualTo(id.toString());
        assertThat(notice.get("text").asString()).contains("Sent to the stakeholder groups: delegation-partners.")
                .contains("Status updates follow at least every 30m");
        assertThat(receiver.received("/rpc")).as("another component's stakeholders").hasSize(rpcBefore);

        await().atMost(PROMPTLY).until(() -> reminders.due(id).isPresent());
        assertThat(untilDue(id)).isCloseTo(Duration.ofMinutes(30), Duration.ofSeconds(15));

        int remindersBefore = kinds("/team").stream().filter("STATUS_UPDATE_REMINDER"::equals).toList().size();
        clock.advance(Duration.ofMinutes(29));
        assertThat(DueTasks.runDue(scheduler, clock, StatusUpdateReminders.NAME)).isZero();
        clock.advance(Duration.ofMinutes(1).plusSeconds(15));
        assertThat(DueTasks.runDue(scheduler, clock, StatusUpdateReminders.NAME)).isEqualTo(1);
        await().atMost(PROMPTLY).until(() -> reminderCount() == remindersBefore + 1);
        Received reminder = receiver.received("/team").stream()
                .filter(r -> json.readTree(r.text()).get("kind").asString().equals("STATUS_UPDATE_REMINDER")).toList().getLast();
        JsonNode body = json.readTree(reminder.text());
        assertThat(body.get("person").asString()).as("erin is not on call anywhere: the team channel, for her")
                .isEqualTo("erin");
        assertThat(body.get("text").asString()).contains("erin, a status update for " + id + " is due")
                .contains("every 30m");
        await().atMost(PROMPTLY).until(() -> untilDue(id).compareTo(Duration.ofMinutes(29)) > 0);
        assertThat(untilDue(id)).as("the next one, 30 minutes on").isCloseTo(Duration.ofMinutes(30), Duration.ofSeconds(15));

        incidents.changeStatus(id, IncidentStatus.RESOLVED, "fixed", "erin");
        await().atMost(PROMPTLY).until(() -> reminders.due(id).isEmpty());
        clock.advance(Duration.ofMinutes(60));
        assertThat(DueTasks.runDue(scheduler, clock, StatusUpdateReminders.NAME)).isZero();
        Thread.sleep(1000);
        assertThat(reminderCount()).as("no reminder after resolve").isEqualTo(remindersBefore + 1);
    }

    @Test
    void postingAStatusUpdateSendsItToTheStakeholdersAndPushesTheReminderBack() throws Exception {
        int rpcBefore = receiver.received("/rpc").size();
        IncidentView incident = incidents.open(anIncident().withSeverity(Severity.CRITICAL).affecting("rpc").build(), "bob");
        IncidentId id = incident.id();
        receiver.await("/rpc", rpcBefore + 1, PROMPTLY);
        await().atMost(PROMPTLY).until(() -> reminders.due(id).isPresent());
        assertThat(untilDue(id)).isCloseTo(Duration.ofMinutes(30), Duration.ofSeconds(15));

        clock.advance(Duration.ofMinutes(10));
        Response posted = api().post("/api/v1/incidents/" + id + "/updates", """
                {"text": "Primary RPC endpoint fails over to the secondary", "status": "identified", "visibility": "public"}""");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(posted.json().get("status").asString()).isEqualTo("identified");
        assertThat(posted.json().get("visibility").asString()).isEqualTo("public");
        assertThat(posted.json().get("author").asString()).isEqualTo("bob");
        assertThat(untilDue(id)).as("a full interval after the update, not 20 minutes on")
                .isCloseTo(Duration.ofMinutes(30), Duration.ofSeconds(15));

        List<Received> rpc = receiver.await("/rpc", rpcBefore + 2, PROMPTLY);
        JsonNode update = json.readTree(rpc.getLast().text());
        assertThat(update.get("kind").asString()).isEqualTo("STATUS_UPDATE");
        assertThat(update.get("text").asString()).contains("Primary RPC endpoint fails over to the secondary")
                .contains("Status: identified · public update by bob");
        assertThat(incidents.timeline(id)).anyMatch(e -> e.kind() == TimelineKind.STATUS_UPDATE
                && e.text().equals("Status update (public, identified): Primary RPC endpoint fails over to the secondary")
                && e.actor().equals("bob"));

        api().post("/api/v1/incidents/" + id + "/updates", """
                {"text": "Secondary holds; watching error rates", "status": "monitoring"}""");
        JsonNode all = api().get("/api/v1/incidents/" + id + "/updates").json();
        assertThat(all.size()).isEqualTo(2);
        assertThat(all.get(1).get("visibility").asString()).isEqualTo("internal");
        assertThat(updates.publicUpdates(id)).extracting(StatusUpdateView::text)
                .containsExactly("Primary RPC endpoint fails over to the secondary");
        assertThat(updates.publicUpdatesSince(incident.openedAt())).extracting(StatusUpdateView::incident).contains(id);
        assertThat(updates.publicUpdatesSince(clock.instant().plusSeconds(1))).isEmpty();
    }

    @Test
    void aHighIncidentTellsTheTeamAndAsksForAStatusPageUpdateAndBecomingCriticalTellsTheStakeholders()
            throws Exception {
        int teamBefore = receiver.received("/team").size();
        int partnersBefore = receiver.received("/partners").size();
        IncidentId id = incidents.open(anIncident().withSeverity(Severity.HIGH).affecting("delegations")
                .commandedBy("erin").build(), "erin").id();

        List<Received> team = receiver.await("/team", teamBefore + 2, PROMPTLY);
        List<JsonNode> sent = team.subList(teamBefore, team.size()).stream().map(r -> json.readTree(r.text())).toList();
        assertThat(sent).extracting(n -> n.get("kind").asString())
                .containsExactlyInAnyOrder("TEAM_NOTICE", "STATUS_PAGE_REQUEST");
        JsonNode request = sent.stream().filter(n -> n.get("kind").asString().equals("STATUS_PAGE_REQUEST")).findFirst().orElseThrow();
        assertThat(request.get("person").asString()).isEqualTo("erin");
        assertThat(request.get("text").asString()).contains("erin, please update the status page for " + id);
        Thread.sleep(500);
        assertThat(receiver.received("/partners")).as("High does not tell stakeholders").hasSize(partnersBefore);
        assertThat(reminders.due(id)).isEmpty();

        incidents.changeSeverity(id, Severity.CRITICAL, "funds at risk", "erin");
        List<Received> partners = receiver.await("/partners", partnersBefore + 1, PROMPTLY);
        assertThat(json.readTree(partners.getLast().text()).get("kind").asString()).isEqualTo("STAKEHOLDER_NOTICE");
        await().atMost(PROMPTLY).until(() -> reminders.due(id).isPresent());
    }

    @Test
    void badStatusUpdatesAreRefusedWithProblemsThatNameTheField() {
        IncidentId id = incidents.open(anIncident().withSeverity(Severity.LOW).build(), "dave").id();
        String path = "/api/v1/incidents/" + id + "/updates";

        assertProblem(api().post(path, "{\"text\": \" \", \"status\": \"investigating\"}"), 400, "text");
        assertProblem(api().post(path, "{\"text\": \"x\"}"), 400, "status");
        Response status = api().post(path, "{\"text\": \"x\", \"status\": \"fixed\"}");
        assertProblem(status, 400, "status");
        assertThat(status.json().get("detail").asString()).contains("investigating, identified, monitoring, resolved");
        assertProblem(api().post(path, "{\"text\": \"x\", \"status\": \"identified\", \"visibility\": \"secret\"}"), 400,
                "visibility");
        assertProblem(api().post(path, "{\"text\": \"x\", \"status\": \"identified\", \"audience\": \"all\"}"), 400,
                "audience");
        assertProblem(api().post(path, "{\"text\": \"" + "x".repeat(4001) + "\", \"status\": \"identified\"}"), 400, "text");
        assertThat(api().post("/api/v1/incidents/INC-99999/updates", "{\"text\": \"x\", \"status\": \"identified\"}")
                .status()).isEqualTo(404);
        assertThat(api().get(path).json().size()).as("nothing was stored").isZero();
    }

    private void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    /** How long until the incident's reminder runs, on the scheduler's (system) clock. */
    private Duration untilDue(IncidentId id) {
        return Duration.between(Instant.now(), reminders.due(id).orElseThrow());
    }

    private long reminderCount() {
        return kinds("/team").stream().filter("STATUS_UPDATE_REMINDER"::equals).count();
    }

    private List<String> kinds(String path) {
        return receiver.received(path).stream().map(r -> json.readTree(r.text()).get("kind").asString()).toList();
    }

    private HttpApi api() {
        return new HttpApi(port).as("bob");
    }
}
