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
 */
@Component
class RateLimits {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Takes {@code calls} tokens, waiting at most {@code timeout}; false when they did not come in time. */
    boolean acquire(RpcEndpoint endpoint, int calls, Duration timeout) throws InterruptedException {
        Bucket bucket = buckets.computeIfAbsent(endpoint.url() + "|" + endpoint.requestsPerMinute(),
                k -> new Bucket(endpoint.requestsPerMinute()));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long waitNanos = bucket.tryTake(calls);
            if (waitNanos == 0) {
                return true;
            }
            if (System.nanoTime() + waitNanos > deadline) {
                return false;
            }
            Thread.sleep(Duration.ofNanos(waitNanos));
        }
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

        /** 0 when taken; otherwise how long until enough tokens are there. */
        synchronized long tryTake(int n) {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= n) {
                tokens -= n;
                return 0;
            }
            return (long) Math.ceil((n - tokens) / perNano);
        }
    }
}
