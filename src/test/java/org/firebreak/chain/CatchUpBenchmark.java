package org.firebreak.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.firebreak.FirebreakApplication;
import org.firebreak.chain.ChainProfile.Follow;
import org.firebreak.chain.ChainProfile.RpcEndpoint;
import org.firebreak.devnet.Devnet;
import org.firebreak.devnet.SentOperations;
import org.firebreak.devnet.UserOperations;
import org.firebreak.support.HttpApi;
import org.firebreak.support.TestDevnet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Issue 13's catch-up benchmark, run by {@code bench/catch-up.sh} (see bench/README.md) and never by the suite: its
 * name matches none of Surefire's patterns, and it runs only when {@value #BLOCKS} is set.
 * <p>
 * On the test devnet it sends {@code blocks} {@code handleOps} bundles of {@code ops} user operations each (one a
 * block: anvil mines every transaction at once), then times, interleaved, in {@code rounds} rounds:
 * <ul>
 * <li><b>raw</b>: {@code eth_getLogs} for the EntryPoint's address over those blocks, in the follower's chunks of
 * {@code follow.maxBlockRange} blocks, with the JDK's HTTP client, each answer parsed (Jackson tree) and its logs
 * counted: the floor of what reading the same events costs;</li>
 * <li><b>warm</b>: the block follower of a running Firebreak (this JVM's, after one catch-up not counted) catching up
 * the same blocks from an empty store: {@link BlockFollower#run()} until the cursor stands on the last block;</li>
 * <li><b>cold</b>: the same in a new JVM (a restarted server): Spring started, then the catch-up timed alone.</li>
 * </ul>
 * All three read anvil itself (not the devnet's fault proxy), and the follower's profile gives that endpoint
 * {@value #RPM} requests a minute (default 1,000,000: an operator's own node). Each follower run must have stored as
 * many EntryPoint events as the raw answers carried logs of the events it decodes, or the benchmark fails.
 */
@Tag("integration")
class CatchUpBenchmark {

    static final String BLOCKS = "firebreak.bench.catch-up.blocks";
    static final String OPS = "firebreak.bench.catch-up.ops";
    static final String ROUNDS = "firebreak.bench.catch-up.rounds";
    static final String RANGE = "firebreak.bench.catch-up.range";
    static final String RPM = "firebreak.bench.catch-up.rpm";
    static final String JAVA_OPTS = "firebreak.bench.catch-up.java-opts";
    static final String REPORT = "firebreak.bench.catch-up.report";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .addModule(new SimpleModule("bench-profile")
                    .addSerializer(Path.class, new ToStringSerializer(Path.class))
                    .addSerializer(Duration.class, new ToStringSerializer(Duration.class)))
            .build();

    private final Path dir = Path.of("target/bench-catch-up/" + UUID.randomUUID()).toAbsolutePath();

    /** The blocks to catch up and what is in them. */
    record Range(long first, long last, String entryPoint, String url, Set<String> decoded) {
    }

    /** One timed catch-up: wall time, EntryPoint events (or logs) it delivered. */
    /**
     * One timed run: wall time, events, and the CPU time of the thread that ran it (for the follower: the thread that
     * called {@link BlockFollower#run()}, all of its reading, decoding and committing; not anvil's). On a shared
     * machine the wall time carries the load; the follower's CPU time much less so.
     */
    record Timed(long nanos, long events, long cpuNanos, long jvmCpuNanos, long anvilCpuNanos) {
        Timed(long nanos, long events, long cpuNanos, long jvmCpuNanos) {
            this(nanos, events, cpuNanos, jvmCpuNanos, -1);
        }

        double perSecond() {
            return events / (nanos / 1e9);
        }

        /** The same with the CPU time anvil used meanwhile: what the run made the node do. */
        Timed withAnvil(long anvilCpuNanos) {
            return new Timed(nanos, events, cpuNanos, jvmCpuNanos, anvilCpuNanos);
        }
    }

    @Test
    @EnabledIfSystemProperty(named = BLOCKS, matches = "[0-9]+")
    void catchUp() throws Exception {
        int blocks = Integer.getInteger(BLOCKS);
        int ops = Integer.getInteger(OPS, 8);
        int rounds = Integer.getInteger(ROUNDS, 3);
        int range = Integer.getInteger(RANGE, Follow.DEFAULT_MAX_BLOCK_RANGE);
        int rpm = Integer.getInteger(RPM, 1_000_000);
        String javaOpts = System.getProperty(JAVA_OPTS, "");
        Path report = Path.of(System.getProperty(REPORT, dir.resolve("report.md").toString()));

        Devnet devnet = TestDevnet.shared();
        long generating = System.nanoTime();
        Range blocksRange = generate(devnet, blocks, ops);
        Duration generated = Duration.ofNanos(System.nanoTime() - generating);
        Path profile = writeProfile(devnet.profile(), blocksRange, range, rpm);
        System.out.printf("generated %d bundles of %d user operations in blocks %d-%d in %d s%n", blocks, ops,
                blocksRange.first(), blocksRange.last(), generated.toSeconds());

        List<Timed> raw = new ArrayList<>();
        List<Timed> warm = new ArrayList<>();
        List<Timed> cold = new ArrayList<>();
        long rawLogs;
        try (ConfigurableApplicationContext app = start(dir.resolve("warm"), profile)) {
            BlockFollower follower = app.getBean(BlockFollower.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long[] counted = raw(blocksRange, range);   // warm-up, not counted
            rawLogs = counted[1];
            Timed first = follow(follower, jdbc, blocksRange);
            assertThat(first.events()).as("EntryPoint events stored (warm-up)").isEqualTo(counted[0]);
            System.out.printf("warm-up: raw %d ms, follower %d ms%n", time(blocksRange, range).nanos() / 1_000_000,
                    first.nanos() / 1_000_000);
            for (int round = 1; round <= rounds; round++) {
                List<String> order = round % 2 == 1 ? List.of("raw", "warm", "cold") : List.of("cold", "warm", "raw");
                for (String what : order) {
                    long anvilBefore = anvilCpu(devnet);
                    Timed timed = switch (what) {
                        case "raw" -> time(blocksRange, range);
                        case "warm" -> follow(follower, jdbc, blocksRange);
                        default -> cold(profile, blocksRange, javaOpts);
                    };
                    timed = timed.withAnvil(anvilCpu(devnet) - anvilBefore);
                    assertThat(timed.events()).as(what + ": EntryPoint events").isEqualTo(counted[0]);
                    (what.equals("raw") ? raw : what.equals("warm") ? warm : cold).add(timed);
                    System.out.printf("round %d %s: %d ms, %.0f events/s%s, the JVM's CPU %d ms, anvil's CPU %d ms%n",
                            round, what, timed.nanos() / 1_000_000, timed.perSecond(), timed.cpuNanos() < 0 ? ""
                                    : ", follower thread's CPU " + timed.cpuNanos() / 1_000_000 + " ms",
                            timed.jvmCpuNanos() / 1_000_000, timed.anvilCpuNanos() / 1_000_000);
                }
            }
        }
        String text = report(blocksRange, blocks, ops, range, rpm, rawLogs, raw, warm, cold);
        System.out.println(text);
        Files.createDirectories(report.getParent());
        Files.writeString(report, text);
    }

    /**
     * The CPU time anvil has used so far (user and system, from /proc: 10 ms steps). During a cold run it also counts
     * what the new server's start asked of the node; the sidecar's empty block every 2 s costs it next to nothing.
     */
    private static long anvilCpu(Devnet devnet) {
        return ProcessHandle.of(devnet.state().anvilPid()).flatMap(p -> p.info().totalCpuDuration())
                .orElseThrow(() -> new IllegalStateException("anvil's CPU time is not readable")).toNanos();
    }

    /** Sends the bundles; the range runs from the first bundle's block to the last one's. */
    private static Range generate(Devnet devnet, int blocks, int ops) {
        UserOperations sender = devnet.userOperations();
        // Mostly succeeding operations and one whose call reverts (a UserOperationRevertReason beside its event).
        List<UserOperations.Kind> kinds = new ArrayList<>(Collections.nCopies(Math.max(0, ops - 1),
                UserOperations.Kind.SUCCEED));
        kinds.add(UserOperations.Kind.FAIL);
        UserOperations.SmartAccount account = sender.account();
        long first = -1;
        long last = -1;
        for (int i = 0; i < blocks; i++) {
            SentOperations sent = sender.send(account, kinds);
            if (first < 0) {
                first = sent.bundles().getFirst().blockNumber().longValueExact();
            }
            last = sent.bundles().getLast().blockNumber().longValueExact();
        }
        Set<String> decoded = Set.copyOf(StackEvents.topics());
        return new Range(first, last, devnet.profile().contracts().entryPoint().address().toLowerCase(Locale.ROOT),
                devnet.state().anvilUrl(), decoded);
    }

    /** The devnet's profile reading anvil alone, following from the first block, no confirmations. */
    private Path writeProfile(ChainProfile devnetProfile, Range blocks, int range, int rpm) throws IOException {
        ChainProfile profile = new ChainProfile(devnetProfile.chainId(), devnetProfile.blockTime(),
                List.of(new RpcEndpoint("node", URI.create(blocks.url()), rpm)), devnetProfile.contracts(),
                devnetProfile.guardian(), devnetProfile.thresholds(), devnetProfile.delegations(),
                new Follow(0, range, blocks.first(), Duration.ofMillis(500)), devnetProfile.accounts());
        Path file = dir.resolve("chain-profile.yml");
        Files.createDirectories(dir);
        Files.writeString(file, "# The catch-up benchmark's profile: the devnet's, reading anvil alone.\n"
                + YAML.writeValueAsString(profile));
        return file;
    }

    private static Timed time(Range blocks, int range) throws IOException, InterruptedException {
        long jvm = jvmCpu();
        long started = System.nanoTime();
        long[] counted = raw(blocks, range);
        return new Timed(System.nanoTime() - started, counted[0], -1, jvmCpu() - jvm);
    }

    /** The CPU time of every thread of this JVM so far (JIT and collector included). */
    private static long jvmCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** eth_getLogs for the EntryPoint over the range in chunks: {decoded events, all logs}. */
    private static long[] raw(Range blocks, int range) throws IOException, InterruptedException {
        long decoded = 0;
        long logs = 0;
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            for (long from = blocks.first(); from <= blocks.last(); from += range) {
                long to = Math.min(blocks.last(), from + range - 1);
                String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getLogs\",\"params\":[{\"fromBlock\":\""
                        + hex(from) + "\",\"toBlock\":\"" + hex(to) + "\",\"address\":\"" + blocks.entryPoint() + "\"}]}";
                HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(blocks.url()))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
                JsonNode result = JSON.readTree(answer.body()).get("result");
                if (result == null || !result.isArray()) {
                    throw new IllegalStateException("eth_getLogs answered " + new String(answer.body()));
                }
                for (JsonNode log : result) {
                    logs++;
                    if (blocks.decoded().contains(log.get("topics").get(0).asString().toLowerCase(Locale.ROOT))) {
                        decoded++;
                    }
                }
            }
        }
        return new long[] { decoded, logs };
    }

    /** Empties the follower's tables, then runs the follower until its cursor stands on the range's last block. */
    private static Timed follow(BlockFollower follower, JdbcClient jdbc, Range blocks) {
        for (String table : List.of("chain_event", "chain_followed_block", "chain_follower_cursor", "chain_reorg",
                "chain_served_account")) {
            jdbc.sql("delete from " + table).update();
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long jvm = jvmCpu();
        long started = System.nanoTime();
        followTo(follower, blocks.last());
        long nanos = System.nanoTime() - started;
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        jvm = jvmCpu() - jvm;
        return new Timed(nanos, stored(jdbc, blocks), cpu, jvm);
    }

    private static void followTo(BlockFollower follower, long last) {
        for (int i = 0; i < 10_000; i++) {
            BlockFollower.Run run = follower.run();
            if (run.error() != null) {
                throw new IllegalStateException("the follower failed: " + run.error());
            }
            if (run.followedTo() >= last) {
                return;
            }
        }
        throw new IllegalStateException("the follower did not reach block " + last);
    }

    private static long stored(JdbcClient jdbc, Range blocks) {
        return jdbc.sql("select count(*) from chain_event where contract = 'entryPoint' and block_number between :f and :l")
                .param("f", blocks.first()).param("l", blocks.last()).query(Long.class).single();
    }

    /** A new JVM on this one's class path: Spring up, then the catch-up timed there. */
    private Timed cold(Path profile, Range blocks, String javaOpts) throws IOException, InterruptedException {
        Path data = dir.resolve("cold-" + UUID.randomUUID());
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        if (!javaOpts.isBlank()) {
            command.addAll(Arrays.asList(javaOpts.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Cold.class.getName(), data.toString(),
                profile.toString(), Long.toString(blocks.first()), Long.toString(blocks.last())));
        Files.createDirectories(dir);
        Path log = dir.resolve("cold.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the cold run failed; see " + log);
        }
        List<String> lines = Files.readAllLines(log);
        String result = lines.reversed().stream().filter(l -> l.startsWith(Cold.RESULT)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no result from the cold run; see " + log));
        String[] parts = result.substring(Cold.RESULT.length()).trim().split(" ");
        return new Timed(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                Long.parseLong(parts[3]));
    }

    /** Firebreak as {@code up} runs it, but with the scheduler and the rules off: the benchmark calls the follower itself. */
    static ConfigurableApplicationContext start(Path dataDir, Path profile) {
        return new SpringApplicationBuilder(FirebreakApplication.class).run(
                "--firebreak.data-dir=" + dataDir, "--firebreak.devnet=true",
                "--firebreak.access.bootstrap-token=" + HttpApi.BOOTSTRAP_TOKEN,
                "--firebreak.chain.profile=" + profile,
                "--firebreak.playbooks.directory=target/test-data/no-operator-playbooks",
                "--firebreak.scheduler.enabled=false",
                // The follower alone: detection's event rules would run after every committed batch beside it.
                "--firebreak.rules.enabled=false",
                "--server.port=0");
    }

    /** The cold run's JVM: {@code <data-dir> <profile> <first block> <last block>}; prints {@value #RESULT} nanos events thread-cpu-nanos jvm-cpu-nanos. */
    static final class Cold {

        static final String RESULT = "CATCH-UP-RESULT";

        public static void main(String[] args) {
            long first = Long.parseLong(args[2]);
            long last = Long.parseLong(args[3]);
            try (ConfigurableApplicationContext app = start(Path.of(args[0]), Path.of(args[1]))) {
                BlockFollower follower = app.getBean(BlockFollower.class);
                JdbcClient jdbc = app.getBean(JdbcClient.class);
                Timed timed = follow(follower, jdbc, new Range(first, last, "", "", Set.of()));
                System.out.println(RESULT + " " + timed.nanos() + " " + timed.events() + " " + timed.cpuNanos() + " "
                        + timed.jvmCpuNanos());
            }
            System.exit(0);
        }
    }

    private static String report(Range blocks, int bundles, int ops, int range, int rpm, long rawLogs, List<Timed> raw,
            List<Timed> warm, List<Timed> cold) {
        long events = raw.getFirst().events();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "- blocks %d-%d (%d blocks): %d handleOps bundles of %d user operations; "
                        + "%d EntryPoint events the follower stores (%d logs of the EntryPoint in all); chunks of %d blocks; "
                        + "the follower's endpoint at %,d requests/min%n%n", blocks.first(), blocks.last(),
                blocks.last() - blocks.first() + 1, bundles, ops, events, rawLogs, range, rpm));
        text.append("| round | raw eth_getLogs (ms) | follower warm (ms) | follower cold (ms) | follower thread's CPU, "
                + "warm / cold (ms) | the JVM's CPU, raw / warm / cold (ms) | anvil's CPU, raw / warm / cold (ms) |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (int i = 0; i < raw.size(); i++) {
            text.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d / %d | %d / %d / %d | %d / %d / %d |%n", i + 1,
                    raw.get(i).nanos() / 1_000_000, warm.get(i).nanos() / 1_000_000, cold.get(i).nanos() / 1_000_000,
                    warm.get(i).cpuNanos() / 1_000_000, cold.get(i).cpuNanos() / 1_000_000,
                    raw.get(i).jvmCpuNanos() / 1_000_000, warm.get(i).jvmCpuNanos() / 1_000_000,
                    cold.get(i).jvmCpuNanos() / 1_000_000,
                    raw.get(i).anvilCpuNanos() / 1_000_000, warm.get(i).anvilCpuNanos() / 1_000_000,
                    cold.get(i).anvilCpuNanos() / 1_000_000));
        }
        double rawRate = median(raw);
        text.append("\n| | events/s (median) | follower/raw | goal ≥ 0.8× |\n| --- | ---: | ---: | --- |\n");
        text.append(String.format(Locale.ROOT, "| raw eth_getLogs | %,.0f | 1 | |%n", rawRate));
        for (var entry : List.of(java.util.Map.entry("follower, warm", warm), java.util.Map.entry("follower, cold", cold))) {
            double rate = median(entry.getValue());
            text.append(String.format(Locale.ROOT, "| %s | %,.0f | %.3f× | %s |%n", entry.getKey(), rate, rate / rawRate,
                    rate / rawRate >= 0.8 ? "met" : "MISSED"));
        }
        return text.toString();
    }

    private static double median(List<Timed> timed) {
        double[] rates = timed.stream().mapToDouble(Timed::perSecond).sorted().toArray();
        return rates.length % 2 == 1 ? rates[rates.length / 2]
                : (rates[rates.length / 2 - 1] + rates[rates.length / 2]) / 2;
    }

    private static String hex(long number) {
        return "0x" + BigInteger.valueOf(number).toString(16);
    }
}
