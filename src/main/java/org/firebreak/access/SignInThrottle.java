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
 * Slows password guessing at the sign-in form, per user name and client address: the first {@value #FREE_FAILURES}
 * wrong passwords in a row cost nothing, then each further one locks the name for that address for 30 s, doubling up
 * to 15 min. While locked, the form checks no password for the name from that address, right or wrong. Counting per
 * address as well keeps a guesser elsewhere from locking the on-call engineer out in the middle of an incident. A right
 * password clears the name for its address; an admin setting a new password clears it everywhere. Names nobody has
 * got wrong for a day are forgotten. Kept in this node's memory: a restart forgives everyone, and behind a load
 * balancer each node counts its own. Behind a proxy, the client address is the proxy's unless Firebreak is told to
 * trust its forwarded headers ({@code server.forward-headers-strategy}). API tokens are not throttled: they carry 256
 * random bits.
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

    private final Map<Key, Failures> byName = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    private record Key(String name, String address) {
    }

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    /** How long the name stays locked from now for this address, if it is. */
    Optional<Duration> lockedFor(@Nullable String username, String address) {
        Failures failures = byName.get(key(username, address));
        Instant now = clock.instant();
        return failures == null || !failures.lockedUntil().isAfter(now) ? Optional.empty()
                : Optional.of(Duration.between(now, failures.lockedUntil()));
    }

    /** A wrong password (or no such account) for the name; returns how long it is locked now, if at all. */
    Optional<Duration> failed(@Nullable String username, String address) {
        Instant now = clock.instant();
        Key key = key(username, address);
        Failures failures = byName.compute(key, (k, earlier) -> {
            int count = earlier == null || earlier.last().plus(FORGET_AFTER).isBefore(now) ? 1 : earlier.count() + 1;
            return new Failures(count, now, now.plus(wait(count)));
        });
        if (failures.count() >= FREE_FAILURES) {
            log.warn("Sign-in for '{}' from {} locked for {} s after {} wrong passwords in a row", key.name(),
                    key.address(), wait(failures.count()).toSeconds(), failures.count());
        }
        if (byName.size() > MOST_NAMES) {
            byName.entrySet().removeIf(e -> !e.getValue().lockedUntil().isAfter(now));
        }
        return lockedFor(username, address);
    }

    /** The name signed in from this address: its count there starts again. */
    void signedIn(String username, String address) {
        byName.remove(key(username, address));
    }

    /** An admin set the name's password: its counts start again from every address. */
    void clear(String username) {
        String name = key(username, "").name();
        byName.keySet().removeIf(k -> k.name().equals(name));
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

    private static Key key(@Nullable String username, String address) {
        return new Key(username == null ? "" : username.strip().toLowerCase(Locale.ROOT), address);
    }
}
