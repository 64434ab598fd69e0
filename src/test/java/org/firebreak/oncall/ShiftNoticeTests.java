package org.firebreak.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.firebreak.notify.DeliveryStatus;
import org.firebreak.notify.DeliveryView;
import org.firebreak.notify.MessageKind;
import org.firebreak.notify.NotificationApi;
import org.firebreak.notify.NotificationRequest;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.MutableClock;
import org.firebreak.support.OwnSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Shift notices on the shipped default: in "primary" alice hands over to bob on Mon 2026-11-30 at 09:00 Berlin
 * (08:00Z); with the default notice time (1 h) bob is told once, from 07:00Z on, through his contacts.
 */
@FirebreakIntegrationTest
@Import(RequestedNotifications.Configuration.class)
class ShiftNoticeTests {

    private static final Instant WAS = Instant.parse("2026-11-25T03:00:00Z");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        OwnSchema.register(registry);
    }

    @Autowired
    ShiftNotices notices;
    @Autowired
    MutableClock clock;
    @Autowired
    RequestedNotifications requested;
    @Autowired
    NotificationApi notify;
    @Autowired
    OnCallApi oncall;

    @AfterEach
    void clockBack() {
        clock.set(WAS);
    }

    @Test
    void thePersonWhoseShiftStartsWithinTheHourIsToldOnceThroughTheirContacts() {
        clock.set(Instant.parse("2026-11-30T06:59:00Z"));
        assertThat(notices.sendDue()).as("61 minutes before: not yet").isEmpty();

        clock.set(Instant.parse("2026-11-30T07:10:00Z"));
        String key = "shift:primary:bob:" + Instant.parse("2026-11-30T08:00:00Z").getEpochSecond() + ":starting";
        assertThat(notices.sendDue()).containsExactly(key);
        clock.set(Instant.parse("2026-11-30T07:15:00Z"));
        assertThat(notices.sendDue()).as("told once per shift").isEmpty();

        await().atMost(Duration.ofSeconds(20)).until(() -> !requested.of(null, MessageKind.SHIFT_STARTING).isEmpty());
        NotificationRequest told = requested.of(null, MessageKind.SHIFT_STARTING).getFirst();
        assertThat(told.incident()).isNull();
        assertThat(told.to()).extracting(d -> d.person() + " " + d.channel() + " " + d.address())
                .containsExactly("bob CONSOLE bob");
        assertThat(told.values()).containsEntry("schedule", "Primary on-call")
                .containsEntry("fromLocal", "Mon 2026-11-30 09:00 Europe/Berlin (" + Texts.time(Instant.parse("2026-11-30T08:00:00Z")) + ")")
                .containsEntry("untilLocal", "Mon 2026-12-07 09:00 Europe/Berlin (" + Texts.time(Instant.parse("2026-12-07T08:00:00Z")) + ")")
                .containsEntry("source", "layer 'Weekly rotation'");

        await().atMost(Duration.ofSeconds(20)).until(() -> notify.deliveries(key).stream()
                .anyMatch(d -> d.status() == DeliveryStatus.DELIVERED));
        DeliveryView delivery = notify.deliveries(key).getFirst();
        assertThat(delivery.kind()).isEqualTo(MessageKind.SHIFT_STARTING);
        assertThat(delivery.person()).isEqualTo("bob");
        assertThat(delivery.subject()).isEqualTo("On call from Mon 2026-11-30 09:00 Europe/Berlin ("
                + Texts.time(Instant.parse("2026-11-30T08:00:00Z")) + "): Primary on-call");

        clock.set(Instant.parse("2026-12-01T12:00:00Z"));
        assertThat(notices.sendDue()).as("a shift already running is not told").isEmpty();
    }

    @Test
    void anOverrideTellsBothThePersonItRelievesAndThePersonItBringsInTheirOldAndNewTimes() {
        OverrideView o = oncall.addOverride("primary", new NewOverride("carol", Instant.parse("2026-12-01T06:00:00Z"),
                Instant.parse("2026-12-01T10:00:00Z"), "dentist"), "bob");

        await().atMost(Duration.ofSeconds(20)).until(() -> requested.of(null, MessageKind.SHIFT_MOVED).size() == 2);
        assertThat(requested.of(null, MessageKind.SHIFT_MOVED)).extracting(NotificationRequest::key).containsExactly(
                "shift:primary:override:" + o.id() + ":bob:moved", "shift:primary:override:" + o.id() + ":carol:moved");
        NotificationRequest bob = requested.of(null, MessageKind.SHIFT_MOVED).get(0);
        assertThat(bob.to()).extracting(d -> d.person()).containsOnly("bob");
        assertThat(bob.values()).containsEntry("change", "override #" + o.id() + " by bob (dentist)")
                .containsEntry("before", "Mon 2026-11-30 09:00 Europe/Berlin (2026-11-30 08:00:00Z) → Mon 2026-12-07 09:00"
                        + " Europe/Berlin (2026-12-07 08:00:00Z)")
                .containsEntry("after", "Mon 2026-11-30 09:00 Europe/Berlin (2026-11-30 08:00:00Z) → Tue 2026-12-01 07:00"
                        + " Europe/Berlin (2026-12-01 06:00:00Z)\nTue 2026-12-01 11:00 Europe/Berlin (2026-12-01 10:00:00Z)"
                        + " → Mon 2026-12-07 09:00 Europe/Berlin (2026-12-07 08:00:00Z)");
        NotificationRequest carol = requested.of(null, MessageKind.SHIFT_MOVED).get(1);
        assertThat(carol.values()).containsEntry("before", "none").containsEntry("after",
                "Tue 2026-12-01 07:00 Europe/Berlin (2026-12-01 06:00:00Z) → Tue 2026-12-01 11:00 Europe/Berlin"
                        + " (2026-12-01 10:00:00Z)");
        await().atMost(Duration.ofSeconds(20)).until(() -> notify.deliveries(carol.key()).stream()
                .anyMatch(d -> d.status() == DeliveryStatus.DELIVERED));
        assertThat(notify.deliveries(carol.key()).getFirst().subject())
                .isEqualTo("Your on-call shifts in Primary on-call changed");
    }

    @Test
    void onMondayMorningEachPersonWithShiftsInTheComingWeekGetsThemOnce() {
        clock.set(Instant.parse("2026-12-14T07:59:00Z"));
        assertThat(notices.sendSummaries(clock.instant())).as("before 08:00 UTC").isEmpty();
        clock.set(Instant.parse("2026-12-14T09:00:00Z"));
        assertThat(notices.sendDue()).containsExactly("shift-summary:weekly:2026-12-14:alice");
        assertThat(notices.sendDue()).as("once a week").isEmpty();

        await().atMost(Duration.ofSeconds(20)).until(() -> !requested.of(null, MessageKind.SHIFT_SUMMARY).isEmpty());
        NotificationRequest summary = requested.of(null, MessageKind.SHIFT_SUMMARY).getFirst();
        assertThat(summary.to()).extracting(d -> d.person()).containsOnly("alice");
        assertThat(summary.values()).containsEntry("period", "the week from 2026-12-14 08:00:00Z to 2026-12-21 08:00:00Z")
                .containsEntry("shifts", "Primary on-call: Mon 2026-12-14 09:00 Europe/Berlin (2026-12-14 08:00:00Z) → Mon"
                        + " 2026-12-21 09:00 Europe/Berlin (2026-12-21 08:00:00Z)");

        clock.set(Instant.parse("2026-12-15T08:00:00Z"));
        assertThat(notices.sendSummaries(clock.instant())).as("a day late: that week's summary is over").isEmpty();
    }
}
