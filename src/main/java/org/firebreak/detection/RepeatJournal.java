package org.firebreak.detection;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.firebreak.detection.AlertIntake.Key;
import org.firebreak.detection.DetectionSettings.Integration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded store's fast way for repeats: a journal next to the database file. On H2 a commit writes a chunk of
 * the store, and at one alert a request that commit is most of what an alert costs. Yet the store is this process's
 * own file, so a journal beside it is just as durable and needs no commit: a repeat of an alert known to fire with its
 * incident and the same labels is appended to the journal (one {@code write} to the file, as H2's commit is) and
 * answered; every {@code firebreak.detection.journal.fold-every} (100 ms) the journal's segment is folded into the store in one transaction, one update
 * per alert, and the segment deleted. The fold records the segment it folded in that transaction
 * ({@code alert_journal_mark}), so after a crash the segments not yet folded are folded at start-up, once each.
 *
 * <p>Order is kept by two barriers: anything that changes alerts the slow way first forgets those alerts here and
 * folds what the journal holds ({@link #settle}), and so does anything that reads them, so a count read back includes
 * every answered repeat. A journalled repeat that no longer applies when folded (its alert resolved or changed in
 * between) is applied the full way in the fold's transaction, as it would have been had it come then.
 *
 * <p>Only for the embedded H2 file: with PostgreSQL, replicas are stateless and a journal on one of them would strand
 * its repeats should it never come back; there the intake's group commit ({@link AlertIntake}) does the work.
 */
@Component
class RepeatJournal implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RepeatJournal.class);
    private static final Pattern SEGMENT = Pattern.compile("repeats-(\\d{12})\\.jsonl");
    /** Alerts remembered as firing at most; past it the memory starts again (it only speeds repeats up). */
    private static final int REMEMBERED = 100_000;
    /** Alerts a request at most for the journal; more go to the group commit ({@link #accept}). */
    static final int AT_MOST = 10;

    /** One request's repeats as the journal holds them: enough to apply them the full way if need be. */
    record Entry(String integration, Instant at, List<Signal> signals) {
    }

    /** A journal file and the entries appended to it (no channel once closed, or when read back after a crash). */
    private record Segment(long number, Path path, @Nullable FileChannel channel, ConcurrentLinkedQueue<Entry> entries) {
    }

    private final boolean enabled;
    private final Duration foldEvery;
    private final Path dir;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final AlertLifecycle lifecycle;
    private final Map<String, Integration> integrations;
    private final Counter journalled;
    /** Alerts known to fire with an incident, with the labels they fire with: only their repeats are journalled. */
    private final Map<Key, Map<String, String>> firing = new ConcurrentHashMap<>();
    /** Appenders share it, a segment change takes it alone: every entry of a folded segment is on its file. */
    private final ReentrantReadWriteLock segments = new ReentrantReadWriteLock();
    private final ReentrantLock append = new ReentrantLock();
    private final ReentrantLock fold = new ReentrantLock();
    private volatile boolean running;
    private volatile Segment current;
    /** Set when an append failed part way: nothing more goes to that segment (its last line may be torn). */
    private volatile boolean torn;
    /** Segments closed for appends and not yet folded, oldest first; they fold in order, so the mark only grows. */
    private final java.util.ArrayDeque<Segment> behind = new java.util.ArrayDeque<>();
    private Thread folder;

    RepeatJournal(@Value("${spring.datasource.url:}") String url, @Value("${firebreak.data-dir}") Path dataDir,
            @Value("${firebreak.detection.journal.fold-every:100ms}") Duration foldEvery,
            JdbcTemplate jdbc, PlatformTransactionManager transactions, JsonMapper json, Clock clock, AlertLifecycle lifecycle,
            DetectionSettings settings, MeterRegistry meters) {
        this.enabled = url.startsWith("jdbc:h2:file:");
        if (foldEvery.isNegative() || foldEvery.isZero()) {
            throw new IllegalArgumentException("firebreak.detection.journal.fold-every must be above 0, not " + foldEvery);
        }
        this.foldEvery = foldEvery;
        this.dir = dataDir.resolve("alert-journal");
        this.jdbc = jdbc;
        // Its own transaction whoever calls: a fold must commit, or keep its segment, whatever the caller does.
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.integrations = settings.integrations().stream()
                .collect(Collectors.toUnmodifiableMap(Integration::name, Function.identity()));
        this.journalled = Counter.builder("firebreak.alert.intake.journalled")
                .description("Alert repeats answered from the embedded store's journal, folded into the store later")
                .baseUnit("alerts").register(meters);
    }

    /**
     * Journals the signals (all TRIGGER) whose alerts are known to fire with these labels; answers which it took.
     * Those it did not take, the caller takes the slower way; when the journal cannot be written, that is all. A
     * request of more than {@link #AT_MOST} alerts is left to the group commit, which it pays for well: there a commit
     * carries many alerts a request, and writing each alert's signal to the journal would cost more (measured: at
     * 100 alerts a request the journal ran at half the group commit's alerts/s, with 30 times its p99).
     */
    boolean[] accept(Integration source, List<Signal> signals) {
        boolean[] taken = new boolean[signals.size()];
        if (!running || torn || signals.size() > AT_MOST) {
            return taken;
        }
        List<Signal> repeats = new ArrayList<>(signals.size());
        for (int i = 0; i < signals.size(); i++) {
            Signal s = signals.get(i);
            if (s.labels().equals(firing.get(new Key(source.name(), s.dedupKey())))) {
                taken[i] = true;
                repeats.add(s);
            }
        }
        if (repeats.isEmpty()) {
            return taken;
        }
        Entry entry = new Entry(source.name(), clock.instant().truncatedTo(ChronoUnit.MICROS), repeats);
        byte[] line = line(entry);
        segments.readLock().lock();
        try {
            Segment segment = current;
            if (!running || torn || segment == null) {
                return new boolean[signals.size()];
            }
            append.lock();
            try {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    segment.channel().write(buffer);
                }
            } catch (IOException e) {
                torn = true;
                log.warn("alert journal: cannot write {}; repeats take the store's way until the next fold: {}",
                        segment.path(), e.toString());
                return new boolean[signals.size()];
            } finally {
                append.unlock();
            }
            segment.entries().add(entry);
        } finally {
            segments.readLock().unlock();
        }
        journalled.increment(repeats.size());
        return taken;
    }

    /** The alert was just seen firing with its incident and these labels: its next repeats may be journalled. */
    void remember(String integration, String dedupKey, Map<String, String> labels) {
        if (!enabled) {
            return;
        }
        if (firing.size() >= REMEMBERED) {
            firing.clear();
        }
        firing.put(new Key(integration, dedupKey), Map.copyOf(labels));
    }

    /** These alerts are about to change the slow way: no more repeats of theirs are journalled until seen again. */
    void forget(String integration, List<Signal> signals) {
        if (enabled) {
            signals.forEach(s -> firing.remove(new Key(integration, s.dedupKey())));
        }
    }

    /**
     * Folds what the journal holds into the store now: what is read or changed after this sees every repeat answered
     * before it. A fold that fails is logged and left for the next one.
     */
    void settle() {
        Segment open = current;
        if (enabled && open != null && (!open.entries().isEmpty() || torn || hasBehind())) {
            try {
                foldNow();
            } catch (RuntimeException e) {
                log.error("alert journal: folding into the store failed; it is tried again at the next fold", e);
            }
        }
    }

    private boolean hasBehind() {
        fold.lock();
        try {
            return !behind.isEmpty();
        } finally {
            fold.unlock();
        }
    }

    private void foldNow() {
        fold.lock();
        try {
            Segment done = current;
            if (!done.entries().isEmpty() || torn) {
                // The next file is made before appenders are held up: only the swap happens under the lock.
                Segment next = open(done.number() + 1);
                segments.writeLock().lock();
                try {
                    current = next;
                    torn = false;
                } finally {
                    segments.writeLock().unlock();
                }
                close(done);
                behind.add(done);
            }
            while (!behind.isEmpty()) {
                Segment next = behind.peek();
                apply(next.number(), List.copyOf(next.entries()));
                Files.deleteIfExists(next.path());
                behind.poll();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("alert journal: " + e.getMessage(), e);
        } finally {
            fold.unlock();
        }
    }

    /**
     * One transaction: every repeat of the segment as one update per alert, the mark that the segment is folded, and
     * the full way for the repeats that no longer apply (retried like a request when a concurrent one won a key).
     */
    private void apply(long segment, List<Entry> entries) {
        AlertIntake.Tally tally = new AlertIntake.Tally();
        for (Entry e : entries) {
            for (Signal s : e.signals()) {
                tally.add(e.integration(), s.dedupKey(), e.at(), Alerts.labelsJson(json, s.labels()));
            }
        }
        List<AlertIntake.Repeat> repeats = tally.repeats();
        List<Key> applied = Retried.inTransaction(tx, () -> {
            int[] updated = repeats.isEmpty() ? new int[0] : AlertIntake.bump(jdbc, repeats);
            jdbc.update("update alert_journal_mark set folded_segment = ? where id = 1", segment);
            List<Key> bumped = new ArrayList<>();
            for (int i = 0; i < repeats.size(); i++) {
                if (updated[i] > 0) {
                    bumped.add(repeats.get(i).key());
                }
            }
            fullWay(entries, bumped);
            return bumped;
        });
        Map<Key, Map<String, String>> labels = new java.util.HashMap<>();
        entries.forEach(e -> e.signals().forEach(s -> labels.put(new Key(e.integration(), s.dedupKey()), s.labels())));
        applied.forEach(k -> remember(k.integration(), k.dedupKey(), labels.get(k)));
    }

    /** The repeats whose alerts did not take the bump, applied as signals, per integration, in lock order. */
    private void fullWay(List<Entry> entries, List<Key> bumped) {
        java.util.Set<Key> done = new java.util.HashSet<>(bumped);
        Map<String, List<Signal>> rest = new java.util.TreeMap<>();
        for (Entry e : entries) {
            for (Signal s : e.signals()) {
                Key key = new Key(e.integration(), s.dedupKey());
                if (!done.contains(key)) {
                    firing.remove(key);
                    rest.computeIfAbsent(e.integration(), i -> new ArrayList<>()).add(s);
                }
            }
        }
        rest.forEach((integration, signals) -> {
            Integration source = integrations.get(integration);
            if (source == null) {
                log.warn("alert journal: {} repeats of integration '{}', which is no longer configured, dropped",
                        signals.size(), integration);
                return;
            }
            lifecycle.apply(source, signals.stream().sorted(Comparator.comparing(Signal::dedupKey)).toList());
        });
    }

    private byte[] line(Entry entry) {
        byte[] body = json.writeValueAsBytes(entry);
        byte[] line = java.util.Arrays.copyOf(body, body.length + 1);
        line[body.length] = '\n';
        return line;
    }

    private Segment open(long number) throws IOException {
        Path path = dir.resolve(String.format("repeats-%012d.jsonl", number));
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        return new Segment(number, path, channel, new ConcurrentLinkedQueue<>());
    }

    private static void close(Segment segment) {
        try {
            if (segment.channel() != null) {
                segment.channel().close();
            }
        } catch (IOException e) {
            log.warn("alert journal: closing {}: {}", segment.path(), e.toString());
        }
    }

    /** Folds the segments a crash left behind (those the store has not marked folded), in order, then opens one. */
    private void recover() throws IOException {
        Files.createDirectories(dir);
        long folded = Objects.requireNonNull(jdbc.queryForObject(
                "select folded_segment from alert_journal_mark where id = 1", Long.class));
        List<Path> found;
        try (Stream<Path> files = Files.list(dir)) {
            found = files.filter(p -> SEGMENT.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        long last = folded;
        for (Path path : found) {
            Matcher m = SEGMENT.matcher(path.getFileName().toString());
            m.matches();
            long number = Long.parseLong(m.group(1));
            last = Math.max(last, number);
            if (number > folded) {
                List<Entry> entries = read(path);
                log.info("alert journal: {} entries of {} were left by the last run", entries.size(), path);
                behind.add(new Segment(number, path, null, new ConcurrentLinkedQueue<>(entries)));
            } else {
                Files.deleteIfExists(path);
            }
        }
        current = open(last + 1);
        if (!behind.isEmpty()) {
            // Folded before the web server starts; should that fail, they stay behind and every fold tries again.
            settle();
        }
    }

    /** The entries of a segment; a line torn by a crash (never answered) or unreadable is skipped with a warning. */
    private List<Entry> read(Path path) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    entries.add(json.readValue(line, Entry.class));
                } catch (JacksonException e) {
                    log.warn("alert journal: {} line {} is torn or unreadable, skipped: {}", path, number,
                            e.getOriginalMessage());
                }
            }
        }
        return entries;
    }

    private void runFolds() {
        while (running) {
            try {
                Thread.sleep(foldEvery);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            settle();
        }
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        try {
            recover();
        } catch (IOException e) {
            throw new IllegalStateException("alert journal: cannot open " + dir + ": " + e.getMessage(), e);
        }
        running = true;
        folder = Thread.ofPlatform().name("alert-journal").daemon().start(this::runFolds);
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            // Not interrupted: H2 closes its file when a thread in the middle of I/O is interrupted.
            folder.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        settle();
        Segment last = current;
        close(last);
        if (last.entries().isEmpty()) {
            try {
                Files.deleteIfExists(last.path());
            } catch (IOException e) {
                log.warn("alert journal: {}", e.toString());
            }
        }
    }

    /** Starts before the web server, so the journal a crash left is folded before any request; stops after it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
