package org.firebreak.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.firebreak.incident.OpenIncidentBuilder.anIncident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.TimelineEntry;
import org.firebreak.incident.TimelineKind;
import org.firebreak.notify.Announcement;
import org.firebreak.notify.AnnouncementRequested;
import org.firebreak.notify.ChannelKind;
import org.firebreak.notify.Destination;
import org.firebreak.notify.NotificationApi;
import org.firebreak.oncall.EscalationApi;
import org.firebreak.oncall.EscalationNotFound;
import org.firebreak.oncall.EscalationState;
import org.firebreak.oncall.EscalationView;
import org.firebreak.shared.Severity;
import org.firebreak.shared.TimeText;
import org.firebreak.support.DueTasks;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.MutableClock;
import org.firebreak.support.OwnSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What follows a silence up ({@link SilenceWatch}), against a real store with the shipped on-call file (alice, bob
 * and carol on CONSOLE): reminders to the author, each once however often the watch runs, and a maintenance window
 * that begins stopping the escalation of a matching incident while another keeps climbing. Time moves on the test
 * clock; the watch's work is called as its recurring task calls it, and escalation timers run through
 * db-scheduler's own path ({@link DueTasks}).
 */
@FirebreakIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@Import({ DueTasks.Configuration.class, SilenceFollowUpTests.Announcements.Configuration.class })
class SilenceFollowUpTests {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        OwnSchema.register(registry);
        registry.add("firebreak.oncall.paging", () -> "true");
        registry.add("firebreak.detection.silences.remind-before", () -> "1h");
        registry.add("firebreak.detection.silences.remind-when-holding", () -> "4h");
    }

    @Autowired
    SilenceApi silences;
    @Autowired
    AlertApi alerts;
    @Autowired
    IncidentApi incidents;
    @Autowired
    EscalationApi escalations;
    @Autowired
    SilenceWatch watch;
    @Autowired
    MutableClock clock;
    @Autowired
    DueTasks dueTasks;
    @Autowired
    Announcements announcements;

    @Test
    void theAuthorIsRemindedOnceOfAlertsHeldBackForLongAndOnceBeforeTheSilenceEndsAlsoByAFreshWatch(
            CapturedOutput log, @Autowired Silences store, @Autowired MaintenanceWindows windows,
            @Autowired NotificationApi notifications, @Autowired SilenceSettings settings,
            @Autowired TransactionTemplate tx, @Autowired Clock appClock) {
        Instant t0 = clock.instant();
        SilenceView silence = silences.create(silence("bundler-reverts", t0.plus(Duration.ofHours(6)),
                "known flaky bundler, fix deploying"), "alice");
        SilenceView mailed = silences.create(silence("mailed-" + t0.getEpochSecond(), t0.plus(Duration.ofHours(6)),
                "night job"), "ops@example.org");
        SilenceView unreachable = silences.create(silence("zed-" + t0.getEpochSecond(), t0.plus(Duration.ofHours(6)),
                "zed's test"), "zed");
        alerts.raise(List.of(signal("revert-1-" + t0.getEpochSecond()), signal("revert-2-" + t0.getEpochSecond())));
        assertThat(silences.get(silence.id()).suppressed()).hasSize(2);

        clock.advance(Duration.ofHours(4).minusMinutes(1));
        watch.run();
        assertThat(of(silence, "holding")).as("3h59m: not yet").isEmpty();
        clock.advance(Duration.ofMinutes(1));
        watch.run();
        watch.run();
        assertThat(of(silence, "holding")).singleElement().satisfies(a -> {
            assertThat(a.to()).isEqualTo(new Destination(ChannelKind.CONSOLE, "alice", "alice"));
            assertThat(a.subject()).isEqualTo("Your silence #" + silence.id() + " has held back 2 alerts for 4h");
            assertThat(a.body()).startsWith("Silence #" + silence.id() + " by alice (known flaky bundler, fix deploying)"
                    + " has kept 2 alerts (2 times in all) from opening incidents since " + TimeText.at(t0));
            assertThat(a.payload()).containsEntry("type", "silence.holding").containsEntry("alerts", 2L);
        });
        assertThat(of(silence, "ends-soon")).as("2h left: not yet").isEmpty();

        clock.advance(Duration.ofHours(1));   // t0 + 5h: the silences end in 1h
        SilenceWatch fresh = new SilenceWatch(store, silences, windows, notifications, settings, tx, appClock);
        watch.run();
        fresh.run();
        watch.run();
        assertThat(of(silence, "ends-soon")).singleElement().satisfies(a -> {
            assertThat(a.to().address()).isEqualTo("alice");
            assertThat(a.subject()).isEqualTo("Your silence #" + silence.id() + " ends in 1h");
            assertThat(a.body()).contains("ends at " + TimeText.at(t0.plus(Duration.ofHours(6))))
                    .contains("matches rule=bundler-reverts and has held back 2 alerts");
        });
        assertThat(of(silence, "holding")).as("still once").hasSize(1);
        assertThat(of(mailed, "ends-soon")).singleElement()
                .satisfies(a -> assertThat(a.to()).isEqualTo(new Destination(ChannelKind.EMAIL, "ops@example.org",
                        "ops@example.org")));
        assertThat(of(unreachable, "ends-soon")).isEmpty();
        assertThat(log.getAll()).contains("Reminder not sent: silence #" + unreachable.id() + " by zed (zed's test)'s"
                + " author 'zed' has no contact method");

        clock.advance(Duration.ofMinutes(30));
        fresh.run();
        assertThat(of(silence, "ends-soon")).hasSize(1);
        assertThat(of(unreachable, "ends-soon")).as("counted as done, never retried").isEmpty();
    }

    @Test
    void aMaintenanceWindowThatBeginsStopsTheEscalationOfAMatchingIncidentAndAnotherKeepsEscalating() {
        IncidentId paymaster = open("paymaster");
        IncidentId bundler = open("bundler");
        Instant opened = clock.instant();
        awaitPages(paymaster, 1);
        awaitPages(bundler, 1);

        SilenceView window = silences.create(new NewSilence(SilenceKind.MAINTENANCE, null, "paymaster", null,
                opened.plus(Duration.ofMinutes(2)), opened.plus(Duration.ofHours(2)), "paymaster migration"), "bob");
        watch.run();
        assertThat(escalations.escalation(paymaster).state()).as("not begun yet").isEqualTo(EscalationState.PAGING);

        clock.advance(Duration.ofMinutes(2));
        assertThat(watch.run()).contains("maintenance window #" + window.id() + " by bob (paymaster migration) began:"
                + " 1 incident(s)");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> escalations.escalation(paymaster).state() == EscalationState.STOPPED);
        String inForce = "maintenance window #" + window.id() + " by bob (paymaster migration) is in force until "
                + TimeText.at(opened.plus(Duration.ofHours(2))) + "; no pages until then";
        assertThat(escalationTimeline(paymaster)).last().isEqualTo("Paging stopped after level 1 (On-call engineer): "
                + inForce + "; level 2 (Senior engineer) due at " + TimeText.at(opened.plus(Duration.ofMinutes(5)))
                + " is cancelled");

        clock.advance(Duration.ofMinutes(3));
        dueTasks.run();
        assertThat(escalations.escalation(paymaster).pages()).as("no level 2 during the window").hasSize(1);
        assertThat(escalations.escalation(bundler).pages()).extracting(EscalationView.Page::level)
                .as("the bundler incident climbs on").containsExactly(1, 2);

        IncidentId during = open("paymaster");
        await().atMost(Duration.ofSeconds(20)).until(() -> state(during) == EscalationState.STOPPED);
        assertThat(escalations.escalation(during).pages()).as("a new matching incident pages nobody").isEmpty();
        assertThat(escalationTimeline(during)).last().isEqualTo("Nobody paged: " + inForce);
        IncidentId raised = incidents.open(anIncident().withSeverity(Severity.MEDIUM).affecting("paymaster").build(),
                "reporter").id();
        await().atMost(Duration.ofSeconds(20)).until(() -> state(raised) == EscalationState.NOTICE_PENDING
                || state(raised) == EscalationState.NOTICE_SENT);   // before or within business hours: not paged
        incidents.changeSeverity(raised, Severity.CRITICAL, "deposit draining after all", "alice");
        await().atMost(Duration.ofSeconds(20)).until(() -> escalationTimeline(raised).getLast()
                .equals("Severity MEDIUM → CRITICAL is paged, but not now: " + inForce));
        assertThat(escalations.escalation(raised).pages()).as("a raised severity pages nobody either").isEmpty();
        assertThat(watch.run()).as("its start is told once").noneMatch(line -> line.contains("#" + window.id() + " "));
    }

    private IncidentId open(String component) {
        return incidents.open(anIncident().withSeverity(Severity.CRITICAL).affecting(component).build(), "reporter").id();
    }

    private void awaitPages(IncidentId id, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> state(id) != null
                && escalations.escalation(id).pages().size() >= count);
    }

    private EscalationState state(IncidentId id) {
        try {
            return escalations.escalation(id).state();
        } catch (EscalationNotFound e) {
            return null;
        }
    }

    private List<String> escalationTimeline(IncidentId id) {
        return incidents.timeline(id).stream().filter(e -> e.kind() == TimelineKind.ESCALATION)
                .map(TimelineEntry::text).toList();
    }

    private List<Announcement> of(SilenceView silence, String what) {
        return announcements.all().stream().filter(a -> a.key().startsWith("silence:" + silence.id() + ":" + what + ":"))
                .toList();
    }

    private static NewSilence silence(String rule, Instant endsAt, String reason) {
        return new NewSilence(SilenceKind.SILENCE, rule, null, null, null, endsAt, reason);
    }

    private Signal signal(String key) {
        return new Signal(key, SignalAction.TRIGGER, "Bundler reverts " + key, "reverts seen", Severity.HIGH, null,
                List.of(), List.of("bundler"), Map.of("rule", "bundler-reverts"), clock.instant(), "test", null, null,
                false);
    }

    /** The announcements that committed, as notify's delivery sees them. */
    static class Announcements {

        private final List<Announcement> requested = new CopyOnWriteArrayList<>();

        @TransactionalEventListener
        void on(AnnouncementRequested announcement) {
            requested.add(announcement.announcement());
        }

        List<Announcement> all() {
            return List.copyOf(requested);
        }

        @TestConfiguration(proxyBeanMethods = false)
        static class Configuration {

            @Bean
            Announcements announcements() {
                return new Announcements();
            }
        }
    }
}
