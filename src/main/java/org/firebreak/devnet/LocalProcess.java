package org.firebreak.devnet;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A process the devnet started, known by its PID and by what it runs ({@code kind}: "anvil", "java"), so a PID
 * reused by an unrelated program after a crash is never signalled.
 */
record LocalProcess(long pid, String kind) {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    /**
     * Starts {@code command} with its output appended to {@code log}. A detached process gets its own session
     * (setsid), so it outlives the command that started it and a Ctrl-C in that terminal.
     */
    static LocalProcess start(List<String> command, String kind, Path log, boolean detached) {
        List<String> full = new ArrayList<>();
        if (detached && Files.isExecutable(SETSID)) {
            full.add(SETSID.toString());
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        try {
            return new LocalProcess(builder.start().pid(), kind);
        } catch (IOException e) {
            throw new DevnetFailure("cannot start " + command.getFirst() + ": " + e.getMessage(), e);
        }
    }

    boolean alive() {
        return handle().isPresent();
    }

    /** SIGTERM, then SIGKILL after five seconds; returns once the process is gone. */
    void stop() {
        Optional<ProcessHandle> handle = handle();
        if (handle.isEmpty()) {
            return;
        }
        ProcessHandle process = handle.get();
        process.destroy();
        if (!waitForExit(process, 5)) {
            process.destroyForcibly();
            if (!waitForExit(process, 5)) {
                throw new DevnetFailure(kind + " (pid " + pid + ") survived SIGKILL");
            }
        }
    }

    private Optional<ProcessHandle> handle() {
        if (pid <= 0) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains(kind) || c.endsWith("setsid")).orElse(true));
    }

    private static boolean waitForExit(ProcessHandle process, int seconds) {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
