package org.firebreak.chain;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.firebreak.chain.ChainProfile.RpcEndpoint;
import org.springframework.stereotype.Component;

/**
 * Keeps Firebreak within each endpoint's requests-per-minute: a token bucket per endpoint that refills
 * continuously. A caller waits for tokens up to its timeout, then the endpoint counts as unavailable and the
 * client fails over, rather than getting the operator's IP banned.
 * <p>
 * A quarter of each bucket is kept for {@linkplain Caller#PERSON people}: Firebreak's own background work (the block
 * follower, the detection rules, a new incident's automated checks) takes tokens only while more than that quarter is
 * left. Background work still gets the whole refill rate over time, but when it keeps the endpoint busy, a responder's
 * Run button or a page that reads the chain does not queue behind it.
 */
@Component
class RateLimits {

    /** The share of each endpoint's minute that background work leaves to people. */
    static final double KEPT_FOR_PEOPLE = 0.25;

    /** Who waits for a call's answer. */
    enum Caller {
        /** Someone waiting on an HTTP request: a console page, a Run button, the CLI, an integration. */
        PERSON,
        /** Firebreak's own work on its own threads: following blocks, detection, automated checks. */
        BACKGROUND
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Takes {@code calls} tokens, waiting at most {@code timeout}; false when they did not come in time. */
    boolean acquire(RpcEndpoint endpoint, int calls, Caller caller, Duration timeout) throws InterruptedException {
        Bucket bucket = bucket(endpoint);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long waitNanos = bucket.tryTake(calls, caller);
            if (waitNanos == 0) {
                return true;
            }
            if (System.nanoTime() + waitNanos > deadline) {
                return false;
            }
            Thread.sleep(Duration.ofNanos(waitNanos));
        }
    }

    /** How many calls {@code caller} could make on {@code endpoint} now without waiting for the limit. */
    int available(RpcEndpoint endpoint, Caller caller) {
        return bucket(endpoint).available(caller);
    }

    private Bucket bucket(RpcEndpoint endpoint) {
        return buckets.computeIfAbsent(endpoint.url() + "|" + endpoint.requestsPerMinute(),
                k -> new Bucket(endpoint.requestsPerMinute()));
    }

    /** Capacity one minute's worth of requests, refilled at perMinute / 60 s. */
    static final class Bucket {

        private final double capacity;
        private final double perNano;
        private double tokens;
        private long last = System.nanoTime();

        Bucket(int perMinute) {
            this.capacity = perMinute;
            this.perNano = perMinute / 60e9;
            this.tokens = perMinute;
        }

        /** The tokens this caller may take now: all of them for a person, those beyond the people's share otherwise. */
        synchronized int available(Caller caller) {
            refill();
            double floor = caller == Caller.PERSON ? 0 : capacity * KEPT_FOR_PEOPLE;
            return (int) Math.max(0, Math.floor(tokens - floor));
        }

        /** 0 when taken; otherwise how long until enough tokens are there for this caller. */
        synchronized long tryTake(int n, Caller caller) {
            refill();
            // A batch too large to fit beside the people's share may still use the whole bucket, or it would never fit.
            double floor = caller == Caller.PERSON ? 0
                    : Math.max(0, Math.min(capacity * KEPT_FOR_PEOPLE, capacity - n));
            if (tokens - n >= floor) {
                tokens -= n;
                return 0;
            }
            return (long) Math.ceil((n + floor - tokens) / perNano);
        }

        /** Adds what has dripped in since the last look, up to the capacity. */
        private void refill() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
        }
    }
}
