package org.firebreak.detection;

import static org.firebreak.shared.Sql.ts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The hot path of alert ingestion: a repeat of an alert that fires, has its incident and carries the same labels
 * only bumps its count and last-seen time, and senders repeat such alerts all day. Requests hand their repeats to one writer, which applies whatever has queued
 * in one transaction (group commit) and answers each request after that commit: durable before the 2xx, one commit
 * for many requests. The update's own condition (the alert still fires and has an incident) decides what is a
 * repeat, so a stale guess costs nothing: whatever it did not apply goes the full way ({@link AlertLifecycle}).
 */
@Component
class AlertIntake implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertIntake.class);
    /** Signals one commit takes at most: big enough to amortise a commit, small enough to keep each one short. */
    private static final int MAX_SIGNALS = 4000;
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** One request's repeats; {@code applied[i]} says whether signal i was applied. */
    private record Repeats(String integration, List<Signal> signals, List<String> labels, Instant at,
            CompletableFuture<boolean[]> applied) {
    }

    private final BlockingQueue<Repeats> queue = new ArrayBlockingQueue<>(20_000);
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final DistributionSummary batchSizes;
    private volatile boolean running;
    private Thread writer;

    AlertIntake(JdbcTemplate jdbc, TransactionTemplate tx, JsonMapper json, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.batchSizes = DistributionSummary.builder("firebreak.alert.intake.batch")
                .description("Alert repeats applied per commit of the intake's writer").baseUnit("alerts")
                .register(meters);
    }

    /**
     * Bumps the alerts of these signals (all TRIGGER) that fire and have an incident; answers after the commit
     * which signals it applied. Anything it cannot do (not running, queue full, the store failing) it leaves to
     * the caller: nothing applied.
     */
    boolean[] repeat(String integration, List<Signal> signals) {
        List<String> labels = signals.stream().map(s -> Alerts.labelsJson(json, s.labels())).toList();
        Repeats repeats = new Repeats(integration, signals, labels, clock.instant().truncatedTo(ChronoUnit.MICROS),
                new CompletableFuture<>());
        if (!running || !queue.offer(repeats)) {
            return new boolean[signals.size()];
        }
        try {
            return repeats.applied().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the alert intake committed", e);
        } catch (ExecutionException e) {
            // The writer's transaction failed, so surely nothing was applied: the caller takes the full way.
            return new boolean[signals.size()];
        } catch (TimeoutException e) {
            // Stuck: its outcome is unknown, so the request is answered as an error and the sender sends again.
            throw new IllegalStateException("the alert intake did not commit within " + WAIT.toSeconds() + " s", e);
        }
    }

    private void write() {
        List<Repeats> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Repeats first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int signals = first.signals().size();
                Repeats next;
                while (signals < MAX_SIGNALS && (next = queue.poll()) != null) {
                    batch.add(next);
                    signals += next.signals().size();
                }
                commit(batch, signals);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Repeats> batch, int signals) {
        // One update per key however many requests repeated it (a sender re-sending its whole group from several
        // connections), in key order: the order every transaction locks alerts in, so the writer never deadlocks.
        Tally tally = new Tally();
        for (Repeats r : batch) {
            for (int i = 0; i < r.signals().size(); i++) {
                tally.add(r.integration(), r.signals().get(i).dedupKey(), r.at(), r.labels().get(i));
            }
        }
        try {
            List<Repeat> repeats = tally.repeats();
            int[] updated = tx.execute(status -> bump(jdbc, repeats));
            java.util.Set<Key> applied = new java.util.HashSet<>();
            for (int i = 0; i < repeats.size(); i++) {
                if (updated[i] > 0) {
                    applied.add(repeats.get(i).key());
                }
            }
            batchSizes.record(signals);
            for (Repeats r : batch) {
                boolean[] done = new boolean[r.signals().size()];
                for (int i = 0; i < done.length; i++) {
                    done[i] = applied.contains(new Key(r.integration(), r.signals().get(i).dedupKey()));
                }
                r.applied().complete(done);
            }
        } catch (RuntimeException e) {
            log.warn("alert intake: a commit of {} repeats failed; each request takes the full way: {}", signals,
                    e.toString());
            batch.forEach(r -> r.applied().completeExceptionally(e));
        }
    }

    /** An alert's identity: its integration and its key there; ordered as transactions lock alerts. */
    record Key(String integration, String dedupKey) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byIntegration = integration.compareTo(other.integration);
            return byIntegration != 0 ? byIntegration : dedupKey.compareTo(other.dedupKey);
        }
    }

    /** One alert's repeats as one update: how many times it was seen, when last, with which labels (as stored). */
    record Repeat(String integration, String dedupKey, int times, Instant at, String labels) {
        Key key() {
            return new Key(integration, dedupKey);
        }
    }

    /** Sightings of alerts folded into one {@link Repeat} per alert, in key order; the latest sighting's labels win. */
    static final class Tally {
        private final TreeMap<Key, Repeat> repeats = new TreeMap<>();

        void add(String integration, String dedupKey, Instant at, String labels) {
            repeats.merge(new Key(integration, dedupKey), new Repeat(integration, dedupKey, 1, at, labels),
                    (was, now) -> new Repeat(integration, dedupKey, was.times() + 1,
                            now.at().isBefore(was.at()) ? was.at() : now.at(),
                            now.at().isBefore(was.at()) ? was.labels() : now.labels()));
        }

        boolean isEmpty() {
            return repeats.isEmpty();
        }

        List<Repeat> repeats() {
            return List.copyOf(repeats.values());
        }
    }

    /**
     * Bumps the count and last-seen time of each alert that still fires, has its incident and carries the same labels,
     * in the caller's transaction; the answer says, per repeat, whether it applied (1) or not (0). The repeats come in
     * key order, the order every transaction locks alerts in.
     */
    static int[] bump(JdbcTemplate jdbc, List<Repeat> repeats) {
        return jdbc.batchUpdate("""
                update alert set seen_count = seen_count + ?, last_seen_at = greatest(last_seen_at, ?)
                where integration = ? and dedup_key = ? and status = 'FIRING' and incident_number is not null
                    and labels = ?""",
                repeats.stream().map(r -> new Object[] { r.times(), ts(r.at()), r.integration(), r.dedupKey(),
                        r.labels() }).toList());
    }

    @Override
    public void start() {
        running = true;
        writer = Thread.ofPlatform().name("alert-intake").daemon().start(this::write);
    }

    @Override
    public void stop() {
        running = false;
        try {
            writer.join(WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops after the web server (a lower phase stops later), so requests still in flight find it running. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
