package org.firebreak.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.firebreak.notify.ChannelKind;
import org.firebreak.shared.ConfigProblem;
import org.junit.jupiter.api.Test;

/** A level's local hours, read on the wall clock of the person it would page, also across daylight-saving changes. */
class LocalHoursTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalHours DAYTIME = new LocalHours("08:00-20:00");
    private static final Person ALICE = new Person("alice", "Alice",
            List.of(new Contact(ChannelKind.CONSOLE, "alice")), "Europe/Berlin");

    @Test
    void theStartBelongsToTheWindowAndTheEndDoesNot() {
        assertThat(DAYTIME.contains(Instant.parse("2026-11-25T06:59:59Z"), BERLIN)).as("07:59:59 CET").isFalse();
        assertThat(DAYTIME.contains(Instant.parse("2026-11-25T07:00:00Z"), BERLIN)).as("08:00 CET").isTrue();
        assertThat(DAYTIME.contains(Instant.parse("2026-11-25T18:59:59Z"), BERLIN)).as("19:59:59 CET").isTrue();
        assertThat(DAYTIME.contains(Instant.parse("2026-11-25T19:00:00Z"), BERLIN)).as("20:00 CET").isFalse();
    }

    @Test
    void aWindowWhoseStartIsAfterItsEndRunsPastMidnight() {
        LocalHours nights = new LocalHours("20:00-08:00");
        assertThat(nights.contains(Instant.parse("2026-11-25T22:30:00Z"), BERLIN)).as("23:30").isTrue();
        assertThat(nights.contains(Instant.parse("2026-11-25T01:00:00Z"), BERLIN)).as("02:00").isTrue();
        assertThat(nights.contains(Instant.parse("2026-11-25T11:00:00Z"), BERLIN)).as("12:00").isFalse();
    }

    /** Berlin moves to summer time on Sunday 2026-03-29: 06:30Z is 07:30 the day before and 08:30 that day. */
    @Test
    void theHoursStayLocalAcrossADaylightSavingChange() {
        assertThat(DAYTIME.contains(Instant.parse("2026-03-28T06:30:00Z"), BERLIN)).as("07:30 CET").isFalse();
        assertThat(DAYTIME.contains(Instant.parse("2026-03-29T06:30:00Z"), BERLIN)).as("08:30 CEST").isTrue();
        assertThat(DAYTIME.contains(Instant.parse("2026-03-29T18:30:00Z"), BERLIN)).as("20:30 CEST").isFalse();
        // New York leaves summer time on 2026-11-01: 12:30Z is 08:30 EDT on Saturday and 07:30 EST on Sunday.
        assertThat(DAYTIME.contains(Instant.parse("2026-10-31T12:30:00Z"), NEW_YORK)).isTrue();
        assertThat(DAYTIME.contains(Instant.parse("2026-11-01T12:30:00Z"), NEW_YORK)).isFalse();
    }

    @Test
    void aLevelSaysWhyItPassesSomeoneOverOnTheirOwnClock() {
        EscalationPolicy.Level daytime = new EscalationPolicy.Level("L1", null, null, List.of("alice"), null,
                DAYTIME, null);
        EscalationPolicy.Level nightOnly = new EscalationPolicy.Level("L2", null, null, List.of("alice"), null,
                null, DAYTIME);
        Instant night = Instant.parse("2026-11-25T01:13:00Z");
        Instant noon = Instant.parse("2026-11-25T11:00:00Z");

        assertThat(daytime.passesOver(ALICE, BERLIN, night)).isEqualTo("02:13 at alice's (Europe/Berlin) is outside 08:00-20:00");
        assertThat(daytime.passesOver(ALICE, BERLIN, noon)).isNull();
        assertThat(nightOnly.passesOver(ALICE, BERLIN, night)).isNull();
        assertThat(nightOnly.passesOver(ALICE, BERLIN, noon))
                .isEqualTo("12:00 at alice's (Europe/Berlin) is within 08:00-20:00, when this level does not page");
        assertThat(new EscalationPolicy.Level("L3", null, null, List.of("alice"), null).passesOver(ALICE, BERLIN, night))
                .as("no local hours: any hour").isNull();
    }

    @Test
    void hoursAreWrittenHhMmDashHhMmAndMustDiffer() {
        assertThat(new LocalHours(" 8:00 - 20:00 ").localHours()).isEqualTo("08:00-20:00");
        assertThatThrownBy(() -> new LocalHours("8-20")).isInstanceOf(ConfigProblem.class)
                .hasMessageContaining("not a window of local hours such as 08:00-20:00");
        assertThatThrownBy(() -> new LocalHours("08:00-25:00")).isInstanceOf(ConfigProblem.class)
                .hasMessageContaining("'25:00' is not a time of day");
        assertThatThrownBy(() -> new LocalHours("09:00-09:00")).isInstanceOf(ConfigProblem.class)
                .hasMessageContaining("starts and ends at the same time");
    }
}
