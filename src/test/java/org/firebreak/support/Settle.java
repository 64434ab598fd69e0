package org.firebreak.support;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;

/**
 * Waits out what lands on a new incident by itself on other threads (its automated checks, its notices' deliveries),
 * for tests that must tell those apart from the change they make.
 */
public final class Settle {

    private static final long QUIET_MS = 1500;
    private static final long AT_MOST_MS = 15_000;

    private Settle() {
    }

    /** Returns once the incident's change marker has not moved for 1.5 s (15 s at the most). */
    public static void settle(IncidentApi incidents, IncidentId id) {
        long marker = incidents.changeMarkers(List.of(id)).of(id);
        long stableSince = System.nanoTime();
        long deadline = stableSince + TimeUnit.MILLISECONDS.toNanos(AT_MOST_MS);
        try {
            while (System.nanoTime() - stableSince < TimeUnit.MILLISECONDS.toNanos(QUIET_MS)
                    && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100);
                long now = incidents.changeMarkers(List.of(id)).of(id);
                if (now != marker) {
                    marker = now;
                    stableSince = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Lets time pass: the follower's polls and the rules' ticks run meanwhile. */
    public static void pause(java.time.Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
