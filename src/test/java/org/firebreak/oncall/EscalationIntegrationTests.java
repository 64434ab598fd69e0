package org.firebreak.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.firebreak.incident.OpenIncidentBuilder.anIncident;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.incident.TimelineEntry;
import org.firebreak.incident.TimelineKind;
import org.firebreak.notify.ChannelKind;
import org.firebreak.notify.Destination;
import org.firebreak.notify.MessageKind;
import org.firebreak.notify.NotificationRequest;
import org.firebreak.shared.Severity;
import org.firebreak.support.DueTasks;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.firebreak.support.MutableClock;
import org.firebreak.support.OwnSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The shipped default (alice, bob and carol on the weekly "primary" schedule; the plan's L1 → L2 → L3 path) against a
 * real store: incidents open through the API, time moves on the test clock, and due escalation timers run through
 * db-scheduler's own execution path ({@link DueTasks}) exactly when the clock says they are due.
 */
@FirebreakIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@Import({ DueTasks.Configuration.class, RequestedNotifications.Configuration.class })
class EscalationIntegrationTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @DynamicPropertySource
    static void ownSchema(DynamicPropertyRegistry registry) {
        OwnSchema.register(registry);
        registry.add("firebreak.oncall.paging", () -> "true");
    }

    @Autowired
    IncidentApi incidents;
    @Autowired
    EscalationApi escalations;
    @Autowired
    OnCallApi onCall;
    @Autowired
    MutableClock clock;
    @Autowired
    DueTasks dueTasks;
    @Autowired
    RequestedNotifications notifications;
    @LocalServerPort
    int port;

    @Test
    void aCriticalIncidentPagesLevelOneAtOnceLevelTwoAfterFiveMinutesAndLevelThreeAfterTen() {
        Instant opened = clock.instant();
        String onCallNow = onCall.onCallNow("primary").person().id();
        IncidentId id = open(Severity.CRITICAL);

        NotificationRequest first = awaitPages(id, 1).getFirst();
        assertThat(first.key()).isEqualTo(id + ":page:L1:" + onCallNow);
        assertThat(first.to()).containsExactly(new Destination(ChannelKind.CONSOLE, onCallNow, onCallNow));
        assertThat(first.values()).containsEntry("level", "1").containsEntry("levelName", "On-call engineer")
                .containsEntry("reason", "initial page");
        assertThat(first.values().get("ackUrl")).startsWith("http://127.0.0.1:" + port + "/ack/v1.");
        assertThat(escalation(id).policy().id()).isEqualTo("default");

        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        dueTasks.run();
        assertThat(pages(id)).as("not yet: level 1 has 5 minutes").hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        dueTasks.run();
        assertThat(pages(id)).extracting(NotificationRequest::key).containsExactly(id + ":page:L1:" + onCallNow,
                id + ":page:L2:bob");
        assertThat(pages(id).get(1).values()).containsEntry("levelName", "Senior engineer")
                .containsEntry("reason", "no acknowledgement within 5m of level 1");

        clock.advance(Duration.ofMinutes(5));
        dueTasks.run();
        dueTasks.run();
        assertThat(pages(id)).extracting(NotificationRequest::key).endsWith(id + ":page:L3:carol").hasSize(3);

        clock.advance(Duration.ofMinutes(5));
        dueTasks.run();
        assertThat(escalation(id).state()).isEqualTo(EscalationState.EXHAUSTED);
        assertThat(notifications.of(id, MessageKind.PAGING_STOPPED)).extracting(r -> r.values().get("person"))
                .containsExactlyInAnyOrderElementsOf(new java.util.LinkedHashSet<>(List.of(onCallNow, "bob", "carol")));
        clock.advance(Duration.ofHours(1));
        dueTasks.run();
        assertThat(pages(id)).as("nothing after the last level").hasSize(3);

        assertThat(escalationTimeline(id)).containsExactly(
                "Escalation policy 'default' (The plan's escalation path) applies as it stands now: L1 On-call engineer"
                        + " → schedule 'primary', L2 Senior engineer → bob, L3 Engineering lead → carol; acknowledge within"
                        + " CRITICAL 5m, HIGH 15m per level; MEDIUM, LOW not paged",
                "Paged level 1 (On-call engineer): " + onCallNow + " (CONSOLE " + onCallNow + ") - initial page; level 2"
                        + " (Senior engineer) at " + Texts.time(opened.plus(Duration.ofMinutes(5))) + " unless acknowledged",
                "Paged level 2 (Senior engineer): bob (CONSOLE bob) - no acknowledgement within 5m of level 1; level 3"
                        + " (Engineering lead) at " + Texts.time(opened.plus(Duration.ofMinutes(10))) + " unless acknowledged",
                "Paged level 3 (Engineering lead): carol (CONSOLE carol) - no acknowledgement within 5m of level 2; out of"
                        + " levels at " + Texts.time(opened.plus(Duration.ofMinutes(15))) + " unless acknowledged",
                "Out of levels: no acknowledgement within 5m of level 3 (Engineering lead), the last level; paging stopped");
    }

    @Test
    void acknowledgingStopsTheClimbAndCancelsThePendingPage() {
        Instant opened = clock.instant();
        IncidentId id = open(Severity.CRITICAL);
        awaitPages(id, 1);

        clock.advance(Duration.ofMinutes(2));
        incidents.changeStatus(id, IncidentStatus.ACKNOWLEDGED, "on it", "alice");
        await().atMost(Duration.ofSeconds(20)).until(() -> escalation(id).state() == EscalationState.STOPPED);

        clock.advance(Duration.ofMinutes(30));
        dueTasks.run();
        assertThat(pages(id)).as("level 2 is never paged").hasSize(1);
        assertThat(escalation(id).next()).isNull();
        assertThat(escalationTimeline(id)).last().isEqualTo("Paging stopped after level 1 (On-call engineer): " + id
                + " ACKNOWLEDGED by alice; level 2 (Senior engineer) due at "
                + Texts.time(opened.plus(Duration.ofMinutes(5))) + " is cancelled");
        assertThat(notifications.of(id, MessageKind.PAGING_STOPPED)).hasSize(1);
    }

    @Test
    void acknowledgingASelectionStopsPagingForEveryIncidentInIt() {
        IncidentId critical = open(Severity.CRITICAL);
        IncidentId high = open(Severity.HIGH);
        awaitPages(critical, 1);
        awaitPages(high, 1);

        HttpApi.Response acknowledged = new HttpApi(port).as("alice").post("/api/v1/incidents/bulk",
                "{\"action\": \"ACKNOWLEDGE\", \"incidents\": [\"" + critical + "\", \"" + high + "\"]}");
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> escalations(critical) == EscalationState.STOPPED
                && escalations(high) == EscalationState.STOPPED);

        clock.advance(Duration.ofHours(1));
        dueTasks.run();
        for (IncidentId id : List.of(critical, high)) {
            assertThat(pages(id)).as("level 2 is never paged for " + id).hasSize(1);
            assertThat(escalationTimeline(id)).last().asString().startsWith("Paging stopped after level 1")
                    .contains(id + " ACKNOWLEDGED by alice");
            assertThat(notifications.of(id, MessageKind.PAGING_STOPPED)).as("the person paged is told").isNotEmpty();
        }
    }

    @Test
    void aHighIncidentWaitsFifteenMinutesPerLevel() {
        IncidentId id = open(Severity.HIGH);
        awaitPages(id, 1);

        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        dueTasks.run();
        assertThat(pages(id)).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        dueTasks.run();
        assertThat(pages(id)).extracting(NotificationRequest::key).last().isEqualTo(id + ":page:L2:bob");
        assertThat(pages(id).getLast().values()).containsEntry("reason", "no acknowledgement within 15m of level 1");
    }

    @Test
    void raisingHighToCriticalRetimesThePendingPageWithTheCriticalTimeout() {
        Instant opened = clock.instant();
        IncidentId id = open(Severity.HIGH);
        awaitPages(id, 1);
        assertThat(escalation(id).next().at()).isEqualTo(opened.plus(Duration.ofMinutes(15)));

        clock.advance(Duration.ofMinutes(2));
        incidents.changeSeverity(id, Severity.CRITICAL, "paymaster deposit draining", "alice");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> escalation(id).next().at().equals(opened.plus(Duration.ofMinutes(5))));
        assertThat(escalationTimeline(id)).last().isEqualTo("Severity HIGH → CRITICAL: level 2 (Senior engineer) moves"
                + " from " + Texts.time(opened.plus(Duration.ofMinutes(15))) + " to "
                + Texts.time(opened.plus(Duration.ofMinutes(5))) + " (5m after level 1 was paged)");

        clock.advance(Duration.ofMinutes(3));
        dueTasks.run();
        assertThat(pages(id)).extracting(NotificationRequest::key).last().isEqualTo(id + ":page:L2:bob");
    }

    @Test
    void aResponderEscalatesByHandWithAReasonAndTheClimbGoesOnFromThere() {
        Instant opened = clock.instant();
        IncidentId id = open(Severity.CRITICAL);
        awaitPages(id, 1);
        HttpApi api = new HttpApi(port).as("alice");

        clock.advance(Duration.ofMinutes(1));
        HttpApi.Response escalated = api.post("/api/v1/incidents/" + id + "/escalate",
                "{\"reason\": \"enforcer config needs an architecture decision\"}");
        assertThat(escalated.status()).as(escalated.body()).isEqualTo(200);
        JsonNode view = escalated.json();
        assertThat(view.get("level").asInt()).isEqualTo(2);
        assertThat(view.get("next").get("level").asInt()).isEqualTo(3);
        assertThat(view.get("next").get("at").asString())
                .isEqualTo(opened.plus(Duration.ofMinutes(6)).toString());
        assertThat(pages(id).getLast().values()).containsEntry("reason",
                "escalated by hand by alice: enforcer config needs an architecture decision");
        assertThat(incidents.timeline(id)).filteredOn(e -> e.kind() == TimelineKind.ESCALATION).last()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("alice"));

        clock.advance(Duration.ofMinutes(4));
        dueTasks.run();
        assertThat(pages(id)).as("the level 2 timer of the automatic climb was cancelled").hasSize(2);
        clock.advance(Duration.ofMinutes(1));
        dueTasks.run();
        assertThat(pages(id)).extracting(NotificationRequest::key).last().isEqualTo(id + ":page:L3:carol");

        HttpApi.Response beyond = api.post("/api/v1/incidents/" + id + "/escalate", "{\"reason\": \"more\"}");
        assertThat(beyond.status()).isEqualTo(409);
        assertThat(beyond.json().get("detail").asString()).contains("last level, 3 (Engineering lead)");
        HttpApi.Response noReason = api.post("/api/v1/incidents/" + id + "/escalate", "{\"reason\": \" \"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(api.post("/api/v1/incidents/INC-99999/escalate", "{\"reason\": \"x\"}").status()).isEqualTo(404);

        incidents.changeStatus(id, IncidentStatus.ACKNOWLEDGED, null, "carol");
        await().atMost(Duration.ofSeconds(20)).until(() -> escalation(id).state() == EscalationState.STOPPED);
        assertThat(escalationTimeline(id)).last().isEqualTo("Paging stopped after level 3 (Engineering lead): " + id
                + " ACKNOWLEDGED by carol; it was the last level");
    }

    @Test
    void aMediumIncidentIsNotPagedAndTheTeamIsToldWhenBusinessHoursStart() {
        ZonedDateTime saturday = clock.instant().atZone(BERLIN).with(TemporalAdjusters.next(DayOfWeek.SATURDAY))
                .with(LocalTime.of(11, 0));
        clock.advance(Duration.between(clock.instant(), saturday.toInstant()));
        Instant monday = saturday.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).with(LocalTime.of(9, 0)).toInstant();
        IncidentId id = open(Severity.MEDIUM);

        await().atMost(Duration.ofSeconds(20)).until(() -> escalations(id) == EscalationState.NOTICE_PENDING);
        assertThat(escalation(id).next().at()).isEqualTo(monday);
        assertThat(escalationTimeline(id)).last().isEqualTo("MEDIUM is not paged: the team notice waits for business"
                + " hours, " + Texts.local(monday, BERLIN));

        clock.advance(Duration.between(clock.instant(), monday).minusSeconds(1));
        dueTasks.run();
        assertThat(notifications.of(id, MessageKind.TEAM_NOTICE)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        dueTasks.run();
        String onCallMonday = onCall.onCallNow("primary").person().id();
        assertThat(notifications.of(id, MessageKind.TEAM_NOTICE)).singleElement()
                .satisfies(n -> assertThat(n.to()).extracting(Destination::person).containsExactly(onCallMonday));
        assertThat(notifications.of(id, MessageKind.PAGE)).isEmpty();
        assertThat(escalation(id).state()).isEqualTo(EscalationState.NOTICE_SENT);
    }

    @Test
    void theAcknowledgeLinkInAPageWorksOnceAndATamperedOneIsRefused() {
        IncidentId id = open(Severity.CRITICAL);
        NotificationRequest page = awaitPages(id, 1).getFirst();
        String paged = page.values().get("person");
        String link = page.values().get("ackUrl");
        String path = link.substring(link.indexOf("/ack/"));
        HttpApi api = new HttpApi(port).as("someone-else");

        HttpApi.Response confirm = api.get(path);
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.contentType()).startsWith("text/html");
        assertThat(confirm.body()).contains("<form method=\"post\">").contains("Acknowledge " + id + " as " + paged)
                .contains("level 1 (On-call engineer)");
        assertThat(incidents.get(id).status()).as("a GET changes nothing").isEqualTo(IncidentStatus.TRIGGERED);

        String token = path.substring("/ack/".length());
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                (id + "|1|mallory|" + clock.instant().plus(Duration.ofDays(1)).getEpochSecond()).getBytes()) + "."
                + parts[2];
        HttpApi.Response refused = api.post("/ack/" + forged, null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("signature does not match");
        assertThat(api.post("/ack/not-a-link", null).status()).isEqualTo(400);
        assertThat(incidents.get(id).status()).isEqualTo(IncidentStatus.TRIGGERED);

        HttpApi.Response acknowledged = api.post(path, null);
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
        assertThat(acknowledged.json().get("acknowledged").asBoolean()).isTrue();
        assertThat(incidents.get(id).status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(incidents.timeline(id)).filteredOn(e -> e.kind() == TimelineKind.STATUS_CHANGED).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(paged);
                    assertThat(e.text()).contains("acknowledged through the link of the level 1 page (On-call engineer)");
                });
        await().atMost(Duration.ofSeconds(20)).until(() -> escalation(id).state() == EscalationState.STOPPED);
        assertThat(escalationTimeline(id)).last().asString().contains("ACKNOWLEDGED by " + paged);

        HttpApi.Response again = api.post(path, null);
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.json().get("detail").asString()).contains("already used");
        assertThat(api.get(path).status()).isEqualTo(410);
    }

    @Test
    void anExpiredAcknowledgeLinkIsRefused(@Autowired AckLinks links) {
        IncidentId id = open(Severity.CRITICAL);
        awaitPages(id, 1);
        String expired = links.token(id, 1, "alice", clock.instant().minusSeconds(1));

        HttpApi.Response refused = new HttpApi(port).send("POST", "/ack/" + expired, null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("title").asString()).isEqualTo("Acknowledge link expired");
        assertThat(incidents.get(id).status()).isEqualTo(IncidentStatus.TRIGGERED);
    }

    /**
     * Signed with the server's own secret, so its signature holds, but for pages that never went out: level 7, a
     * person nobody paged, an incident that paged nobody. Each is refused (403), logged, and changes nothing.
     */
    @Test
    void aSignedLinkForAPageNeverSentIsRefused(@Autowired AckLinks links, CapturedOutput log) {
        IncidentId id = open(Severity.CRITICAL);
        String paged = awaitPages(id, 1).getFirst().values().get("person");
        IncidentId quiet = open(Severity.MEDIUM);
        Instant tomorrow = clock.instant().plus(Duration.ofDays(1));
        HttpApi api = new HttpApi(port).anonymous();

        for (String token : List.of(links.token(id, 7, "mallory", tomorrow), links.token(id, 1, "mallory", tomorrow),
                links.token(id, 2, paged, tomorrow), links.token(quiet, 1, paged, tomorrow))) {
            HttpApi.Response refused = api.send("POST", "/ack/" + token, null);
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.json().get("title").asString()).isEqualTo("No page was sent with this acknowledge link");
            assertThat(api.get("/ack/" + token).status()).isEqualTo(403);
        }
        assertThat(incidents.get(id).status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(incidents.get(quiet).status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(incidents.timeline(id)).noneMatch(e -> e.actor().equals("mallory"));
        assertThat(log.getAll()).contains("for a page never sent: " + id + " level 7 person mallory");

        HttpApi.Response real = api.send("POST", "/ack/" + links.token(id, 1, paged, tomorrow), null);
        assertThat(real.status()).as("the page that was sent still acknowledges").isEqualTo(200);
    }

    private IncidentId open(Severity severity) {
        return incidents.open(anIncident().withSeverity(severity).build(), "reporter").id();
    }

    private List<NotificationRequest> awaitPages(IncidentId id, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> pages(id).size() >= count);
        return pages(id);
    }

    private List<NotificationRequest> pages(IncidentId id) {
        return notifications.of(id, MessageKind.PAGE);
    }

    private EscalationView escalation(IncidentId id) {
        return escalations.escalation(id);
    }

    private EscalationState escalations(IncidentId id) {
        try {
            return escalation(id).state();
        } catch (EscalationNotFound e) {
            return null;
        }
    }

    private List<String> escalationTimeline(IncidentId id) {
        return incidents.timeline(id).stream().filter(e -> e.kind() == TimelineKind.ESCALATION)
                .map(TimelineEntry::text).toList();
    }
}
