package org.firebreak.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing at the sign-in form, per user name: the first {@value #FREE_FAILURES} wrong passwords in a
 * row cost nothing, then each further one locks the name for 30 s, doubling up to 15 min. A right password, or an admin
 * setting a new one, clears the name. While locked, the form does not check any password for the name, right or
 * wrong. Names nobody has got wrong for a day are forgotten. Kept in this node's memory: a restart forgives everyone,
 * and behind a load balancer each node counts its own (an attacker gains a factor of the node count at most).
 * API tokens are not throttled: they carry 256 random bits.
 */
@Component
class SignInThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofDays(1);
    /** More names than this (someone trying random names) and the ones not locked any more are forgotten first. */
    static final int MOST_NAMES = 10_000;

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final Map<String, Failures> byName = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    /** How long the name stays locked from now, if it is. */
    Optional<Duration> lockedFor(@Nullable String username) {
        Failures failures = byName.get(key(username));
        Instant now = clock.instant();
        return failures == null || !failures.lockedUntil().isAfter(now) ? Optional.empty()
                : Optional.of(Duration.between(now, failures.lockedUntil()));
    }

    /** A wrong password (or no such account) for the name; returns how long the name is locked now, if at all. */
    Optional<Duration> failed(@Nullable String username) {
        Instant now = clock.instant();
        String key = key(username);
        Failures failures = byName.compute(key, (k, earlier) -> {
            int count = earlier == null || earlier.last().plus(FORGET_AFTER).isBefore(now) ? 1 : earlier.count() + 1;
            return new Failures(count, now, now.plus(wait(count)));
        });
        if (failures.count() >= FREE_FAILURES) {
            log.warn("Sign-in for '{}' locked for {} s after {} wrong passwords in a row", key,
                    wait(failures.count()).toSeconds(), failures.count());
        }
        if (byName.size() > MOST_NAMES) {
            byName.entrySet().removeIf(e -> !e.getValue().lockedUntil().isAfter(now));
        }
        return lockedFor(username);
    }

    /** The name signed in, or an admin set its password: its count starts again. */
    void clear(@Nullable String username) {
        byName.remove(key(username));
    }

    /** How many names the throttle keeps now. */
    int trackedNames() {
        return byName.size();
    }

    /** The lock after the count-th wrong password in a row. */
    static Duration wait(int count) {
        if (count < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - FREE_FAILURES, 10);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private static String key(@Nullable String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
