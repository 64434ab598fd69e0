package org.firebreak.chain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The endpoints the reads of one piece of work (a diagnostic, a pause run) went to, on this thread, in the order
 * first used: what its evidence names as {@code endpoint}. {@link ChainClient#send} records every answered read in
 * each trace open on its thread; probes are not reads and are not recorded.
 *
 * <pre>{@code
 * try (EndpointsUsed used = EndpointsUsed.open()) {
 *     ... client.send(profile, calls) ...
 *     evidence.put("endpoint", used.names());
 * }
 * }</pre>
 */
final class EndpointsUsed implements AutoCloseable {

    private static final ThreadLocal<List<EndpointsUsed>> OPEN = new ThreadLocal<>();

    private final Set<String> endpoints = new LinkedHashSet<>();

    private EndpointsUsed() {
    }

    static EndpointsUsed open() {
        EndpointsUsed used = new EndpointsUsed();
        List<EndpointsUsed> open = OPEN.get();
        if (open == null) {
            open = new ArrayList<>();
            OPEN.set(open);
        }
        open.add(used);
        return used;
    }

    /** A read answered by {@code endpoint} on this thread. */
    static void record(String endpoint) {
        List<EndpointsUsed> open = OPEN.get();
        if (open != null) {
            open.forEach(used -> used.endpoints.add(endpoint));
        }
    }

    boolean any() {
        return !endpoints.isEmpty();
    }

    /** The endpoints' names, comma-separated, e.g. "secondary" or "primary, secondary" after a failover. */
    String names() {
        return String.join(", ", endpoints);
    }

    @Override
    public void close() {
        List<EndpointsUsed> open = OPEN.get();
        if (open != null && open.remove(this) && open.isEmpty()) {
            OPEN.remove();
        }
    }
}
