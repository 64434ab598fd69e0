package org.firebreak.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.firebreak.incident.OpenIncidentBuilder.anIncident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.TimelineEntry;
import org.firebreak.incident.TimelineKind;
import org.firebreak.notify.MessageKind;
import org.firebreak.notify.NotificationRequest;
import org.firebreak.shared.Severity;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.MutableClock;
import org.firebreak.support.OwnSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A level with local hours ("page L2 directly at night"): level 1 pages alice only within 08:00-20:00 on her own
 * clock in Berlin. Her schedule is reckoned in Los Angeles, where 03:00Z is still 19:00, so a level that read the
 * schedule's clock instead of hers would page her. Incidents open through the API at instants set on the test clock.
 */
@FirebreakIntegrationTest
@Import(RequestedNotifications.Configuration.class)
class LocalHoursEscalationTests {

    private static final String ONCALL = """
            people:
              - { id: alice, timeZone: Europe/Berlin, contacts: [{ channel: CONSOLE, address: alice }] }
              - { id: bob, timeZone: America/New_York, contacts: [{ channel: CONSOLE, address: bob }] }
            schedules:
              - id: primary
                timeZone: America/Los_Angeles
                layers:
                  - { rotation: DAILY, handoff: "09:00", start: 2026-11-01, participants: [alice] }
            policies:
              - id: default
                levels:
                  - { name: On-call engineer, schedule: primary, when: { localHours: "08:00-20:00" } }
                  - { name: Senior engineer, people: [bob] }
            """;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        OwnSchema.register(registry);
        registry.add("firebreak.oncall.paging", () -> "true");
        registry.add("firebreak.oncall.file", LocalHoursEscalationTests::oncallFile);
    }

    private static String oncallFile() {
        try {
            Path file = Path.of("target/test-data/local-hours-" + UUID.randomUUID() + "/oncall.yml");
            Files.createDirectories(file.getParent());
            return Files.writeString(file, ONCALL).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    IncidentApi incidents;
    @Autowired
    MutableClock clock;
    @Autowired
    RequestedNotifications notifications;

    @Test
    void atNightOnAlicesClockLevelOneIsSkippedWithTheReasonAndLevelTwoIsPagedAtOnce() {
        clock.set(Instant.parse("2026-11-25T03:13:00Z"));   // 04:13 in Berlin, 19:13 in Los Angeles
        IncidentId id = open();

        assertThat(awaitPages(id)).extracting(NotificationRequest::key).containsExactly(id + ":page:L2:bob");
        assertThat(pages(id).getFirst().values()).containsEntry("reason",
                "level 1 was skipped (04:13 at alice's (Europe/Berlin) is outside 08:00-20:00)");
        assertThat(escalationTimeline(id)).containsSubsequence(
                "Level 1 (On-call engineer) skipped: 04:13 at alice's (Europe/Berlin) is outside 08:00-20:00; paging"
                        + " level 2 at once",
                "Paged level 2 (Senior engineer): bob (CONSOLE bob) - level 1 was skipped (04:13 at alice's"
                        + " (Europe/Berlin) is outside 08:00-20:00); out of levels at "
                        + Texts.time(clock.instant().plus(Duration.ofMinutes(5))) + " unless acknowledged");
        assertThat(escalationTimeline(id).getFirst()).contains("L1 On-call engineer → schedule 'primary' (their local"
                + " 08:00-20:00 only), L2 Senior engineer → bob");
    }

    @Test
    void inTheDaytimeOnAlicesClockLevelOneIsPaged() {
        clock.set(Instant.parse("2026-11-25T10:00:00Z"));   // 11:00 in Berlin
        IncidentId id = open();

        assertThat(awaitPages(id)).extracting(NotificationRequest::key).containsExactly(id + ":page:L1:alice");
        assertThat(escalationTimeline(id)).noneMatch(text -> text.contains("skipped"));
    }

    /** Berlin moves to summer time on Sunday 2027-03-28: 06:30Z is 07:30 on Saturday and 08:30 on Sunday. */
    @Test
    void acrossADaylightSavingChangeTheHoursStayAlicesLocalHours() {
        clock.set(Instant.parse("2027-03-27T06:30:00Z"));
        IncidentId saturday = open();
        assertThat(awaitPages(saturday)).extracting(NotificationRequest::key)
                .containsExactly(saturday + ":page:L2:bob");
        assertThat(escalationTimeline(saturday)).contains("Level 1 (On-call engineer) skipped: 07:30 at alice's"
                + " (Europe/Berlin) is outside 08:00-20:00; paging level 2 at once");

        clock.set(Instant.parse("2027-03-28T06:30:00Z"));
        IncidentId sunday = open();
        assertThat(awaitPages(sunday)).extracting(NotificationRequest::key).containsExactly(sunday + ":page:L1:alice");
    }

    private IncidentId open() {
        return incidents.open(anIncident().withSeverity(Severity.CRITICAL).build(), "reporter").id();
    }

    private List<NotificationRequest> awaitPages(IncidentId id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !pages(id).isEmpty());
        return pages(id);
    }

    private List<NotificationRequest> pages(IncidentId id) {
        return notifications.of(id, MessageKind.PAGE);
    }

    private List<String> escalationTimeline(IncidentId id) {
        return incidents.timeline(id).stream().filter(e -> e.kind() == TimelineKind.ESCALATION)
                .map(TimelineEntry::text).toList();
    }
}
