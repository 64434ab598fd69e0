package org.firebreak.chain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The last {@value #WINDOW} RPC calls per endpoint (latency and outcome), in memory: what "RPC performance"
 * reports as percentiles and error rate.
 */
@Component
class EndpointStats {

    static final int WINDOW = 200;

    private final Map<String, Deque<Sample>> samples = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicLong> totals = new ConcurrentHashMap<>();

    record Sample(Duration latency, boolean ok, Instant at) {
    }

    /** Percentiles over the window; {@code calls} is 0 when the endpoint has not been used yet. */
    record Summary(int calls, int errors, Duration p50, Duration p95, Duration max) {

        double errorRate() {
            return calls == 0 ? 0 : (double) errors / calls;
        }
    }

    void record(String endpoint, Duration latency, boolean ok, Instant at) {
        totals.computeIfAbsent(endpoint, k -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
        Deque<Sample> window = samples.computeIfAbsent(endpoint, k -> new ArrayDeque<>());
        synchronized (window) {
            window.addLast(new Sample(latency, ok, at));
            while (window.size() > WINDOW) {
                window.removeFirst();
            }
        }
    }

    /** HTTP round trips to the endpoint since start, window or not. */
    long totalCalls(String endpoint) {
        var total = totals.get(endpoint);
        return total == null ? 0 : total.get();
    }

    Summary summary(String endpoint) {
        Deque<Sample> window = samples.get(endpoint);
        if (window == null) {
            return new Summary(0, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        }
        List<Sample> copy;
        synchronized (window) {
            copy = List.copyOf(window);
        }
        List<Duration> sorted = copy.stream().filter(Sample::ok).map(Sample::latency).sorted().toList();
        int errors = (int) copy.stream().filter(s -> !s.ok()).count();
        return new Summary(copy.size(), errors, percentile(sorted, 50), percentile(sorted, 95),
                sorted.isEmpty() ? Duration.ZERO : sorted.getLast());
    }

    /** Nearest-rank percentile. */
    static Duration percentile(List<Duration> sorted, int p) {
        if (sorted.isEmpty()) {
            return Duration.ZERO;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
