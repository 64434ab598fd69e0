package org.firebreak.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TimeTextTest {

    @Test
    void theLargestUnitLeadsAndTheSmallerOnesAreTwoDigitsWide() {
        assertThat(TimeText.duration(Duration.ofSeconds(3849))).isEqualTo("1h 04m 09s");
        assertThat(TimeText.duration(Duration.ofSeconds(252))).isEqualTo("4m 12s");
        assertThat(TimeText.duration(Duration.ofSeconds(90))).isEqualTo("1m 30s");
        assertThat(TimeText.duration(Duration.ofSeconds(37))).isEqualTo("37s");
    }

    @Test
    void trailingZeroPartsAreLeftOutSoConfiguredDurationsReadAsTheyWereWritten() {
        assertThat(TimeText.duration(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(TimeText.duration(Duration.ofMinutes(90))).isEqualTo("1h 30m");
        assertThat(TimeText.duration(Duration.ofHours(4))).isEqualTo("4h");
        assertThat(TimeText.duration(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(TimeText.duration(Duration.ofHours(1).plusSeconds(5))).isEqualTo("1h 00m 05s");
    }

    @Test
    void fromADayOnSecondsAreLeftOut() {
        assertThat(TimeText.duration(Duration.ofDays(3).plusHours(4).plusMinutes(5).plusSeconds(59))).isEqualTo("3d 04h 05m");
        assertThat(TimeText.duration(Duration.ofDays(1).plusSeconds(30))).isEqualTo("1d");
    }

    @Test
    void shortDurationsKeepTheirPrecision() {
        assertThat(TimeText.duration(Duration.ZERO)).isEqualTo("0s");
        assertThat(TimeText.duration(Duration.ofMillis(200))).isEqualTo("200ms");
        assertThat(TimeText.duration(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(TimeText.duration(Duration.ofMillis(4000))).isEqualTo("4s");
    }

    @Test
    void aNegativeDurationIsSignedAndNoneIsADash() {
        assertThat(TimeText.duration(Duration.ofSeconds(-90))).isEqualTo("-1m 30s");
        assertThat(TimeText.durationOrDash(null)).isEqualTo("-");
    }
}
