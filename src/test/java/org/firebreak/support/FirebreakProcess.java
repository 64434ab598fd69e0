package org.firebreak.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Firebreak as a separate operating-system process ({@code firebreak up}) on the test classpath, for tests
 * that must kill it the hard way. It listens on 127.0.0.1 on a free port and always dies with the test.
 */
public final class FirebreakProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("Firebreak is serving on http://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final int port;

    private FirebreakProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static FirebreakProcess start(Path dataDir, Path log) throws IOException {
        return start(dataDir, log, java.util.Map.of());
    }

    /** With extra environment variables, e.g. settings in Spring's form {@code FIREBREAK_NOTIFY_REQUESTTIMEOUT=2s}. */
    public static FirebreakProcess start(Path dataDir, Path log, java.util.Map<String, String> env) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        // The store of this test JVM (TestPostgres sets it on the PostgreSQL run) is the server's too.
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("spring.datasource."))
                .sorted().forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        command.addAll(List.of("org.firebreak.FirebreakApplication", "up", "--port", "0", "--data-dir",
                dataDir.toString(), "--config-dir", dataDir.resolve("config").toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("FIREBREAK_BOOTSTRAP_TOKEN", HttpApi.BOOTSTRAP_TOKEN);
        builder.environment().putAll(env);
        builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        java.util.Deque<String> last = new java.util.ArrayDeque<>();
        while ((line = out.readLine()) != null && Instant.now().isBefore(deadline)) {
            last.addLast(line);
            if (last.size() > 40) {
                last.removeFirst();
            }
            Matcher ready = READY.matcher(line);
            if (ready.find()) {
                drain(out);
                return new FirebreakProcess(process, Integer.parseInt(ready.group(1)));
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("Firebreak did not start; see " + log + "; its last output:\n"
                + String.join("\n", last));
    }

    private static void drain(BufferedReader out) {
        Thread.ofVirtual().start(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe from filling up
                }
            } catch (IOException ignored) {
                // the process is gone
            }
        });
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void killHard() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("process " + process.pid() + " survived SIGKILL");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            killHard();
        }
    }
}
