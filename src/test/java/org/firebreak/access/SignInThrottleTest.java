package org.firebreak.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.firebreak.support.MutableClock;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T03:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void theWaitStartsAtTheFifthWrongPasswordAndDoublesUpToFifteenMinutes() {
        assertThat(SignInThrottle.wait(4)).isZero();
        assertThat(SignInThrottle.wait(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(SignInThrottle.wait(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SignInThrottle.wait(9)).isEqualTo(Duration.ofMinutes(8));
        assertThat(SignInThrottle.wait(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(SignInThrottle.wait(1_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void wrongPasswordsADayApartStartTheCountAgain() {
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.failed("dora")).isEmpty();
        }
        clock.advance(SignInThrottle.FORGET_AFTER.plusSeconds(1));
        assertThat(throttle.failed("dora")).as("the count began again at one").isEmpty();
        assertThat(throttle.lockedFor("dora")).isEmpty();
    }

    @Test
    void theLockEndsByItselfAndOtherNamesAreNotTouched() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("dora");
        }
        assertThat(throttle.lockedFor("dora")).contains(Duration.ofSeconds(30));
        assertThat(throttle.lockedFor("dan")).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        assertThat(throttle.lockedFor("DORA")).contains(Duration.ofSeconds(20));
        clock.advance(Duration.ofSeconds(20));
        assertThat(throttle.lockedFor("dora")).isEmpty();
    }

    @Test
    void manyNamesTriedOnceAreForgottenRatherThanKept() {
        for (int i = 0; i <= SignInThrottle.MOST_NAMES + 1; i++) {
            throttle.failed("sprayed-" + i);
        }
        for (int i = 0; i < 5; i++) {
            throttle.failed("dora");
        }
        assertThat(throttle.trackedNames()).isLessThan(10);
        assertThat(throttle.lockedFor("dora")).as("a locked name is kept").isPresent();
    }
}
