package org.firebreak.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.firebreak.support.MutableClock;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private static final String HERE = "192.0.2.10";
    private static final String ELSEWHERE = "198.51.100.7";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T03:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(clock);

    private void failFiveTimes(String name, String address) {
        for (int i = 0; i < 5; i++) {
            throttle.failed(name, address);
        }
    }

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
            assertThat(throttle.failed("dora", HERE)).isEmpty();
        }
        clock.advance(SignInThrottle.FORGET_AFTER.plusSeconds(1));
        assertThat(throttle.failed("dora", HERE)).as("the count began again at one").isEmpty();
        assertThat(throttle.lockedFor("dora", HERE)).isEmpty();
    }

    @Test
    void theLockEndsByItselfAndOtherNamesAreNotTouched() {
        failFiveTimes("dora", HERE);
        assertThat(throttle.lockedFor("dora", HERE)).contains(Duration.ofSeconds(30));
        assertThat(throttle.lockedFor("dan", HERE)).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        assertThat(throttle.lockedFor("DORA", HERE)).contains(Duration.ofSeconds(20));
        clock.advance(Duration.ofSeconds(20));
        assertThat(throttle.lockedFor("dora", HERE)).isEmpty();
    }

    @Test
    void aGuesserElsewhereDoesNotLockTheNameForItsOwner() {
        failFiveTimes("dora", ELSEWHERE);
        assertThat(throttle.lockedFor("dora", ELSEWHERE)).isPresent();
        assertThat(throttle.lockedFor("dora", HERE)).isEmpty();

        throttle.signedIn("dora", HERE);
        assertThat(throttle.lockedFor("dora", ELSEWHERE)).as("signing in here forgives nobody elsewhere").isPresent();
        throttle.clear("Dora");
        assertThat(throttle.lockedFor("dora", ELSEWHERE)).as("an admin's new password clears every address").isEmpty();
    }

    @Test
    void manyNamesTriedOnceAreForgottenRatherThanKept() {
        for (int i = 0; i <= SignInThrottle.MOST_NAMES + 1; i++) {
            throttle.failed("sprayed-" + i, HERE);
        }
        failFiveTimes("dora", HERE);
        assertThat(throttle.trackedNames()).isLessThan(10);
        assertThat(throttle.lockedFor("dora", HERE)).as("a locked name is kept").isPresent();
    }
}
