package org.firebreak.devnet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The sidecar of a detached devnet as its own small JVM: started by {@link DevnetLaunch}, it serves until anvil
 * dies, or until the owner process (a server that started the devnet implicitly) dies, in which case it stops
 * anvil first, so an implicit devnet never outlives its server, not even a {@code kill -9} of it.
 */
final class SidecarProcess {

    private static final Duration WATCH = Duration.ofMillis(500);

    private SidecarProcess() {
    }

    static LocalProcess start(Devnet.Options options, Path dir, int proxyPort, int anvilPort, long anvilPid) {
        if (options.sidecarCommand().isEmpty()) {
            throw new DevnetFailure("a detached devnet needs the command that runs its sidecar");
        }
        List<String> command = new ArrayList<>(options.sidecarCommand());
        command.addAll(List.of("--proxy-port", String.valueOf(proxyPort), "--anvil-port", String.valueOf(anvilPort),
                "--anvil-pid", String.valueOf(anvilPid), "--block-time", Devnet.BLOCK_TIME.toString()));
        if (options.ownerPid() != null) {
            command.addAll(List.of("--owner-pid", String.valueOf(options.ownerPid())));
        }
        Path log = dir.resolve("sidecar.log");
        LocalProcess sidecar = LocalProcess.start(command, "java", log, true);
        SidecarControl control = new SidecarControl(proxyPort);
        for (int i = 0; i < 300 && sidecar.alive(); i++) {
            if (control.reachable()) {
                return sidecar;
            }
            DevnetChain.pause(Duration.ofMillis(50));
        }
        sidecar.stop();
        throw new DevnetFailure("the devnet sidecar did not start on 127.0.0.1:" + proxyPort + "; see " + log);
    }

    static void run(List<String> args) {
        Map<String, String> options = options(args);
        int proxyPort = Integer.parseInt(required(options, "--proxy-port"));
        int anvilPort = Integer.parseInt(required(options, "--anvil-port"));
        LocalProcess anvil = new LocalProcess(Long.parseLong(required(options, "--anvil-pid")), "anvil");
        Duration blockTime = Duration.parse(options.getOrDefault("--block-time", Devnet.BLOCK_TIME.toString()));
        @Nullable String owner = options.get("--owner-pid");
        try (Sidecar sidecar = Sidecar.start(proxyPort, "http://127.0.0.1:" + anvilPort + "/", blockTime)) {
            while (anvil.alive()) {
                if (owner != null && ProcessHandle.of(Long.parseLong(owner)).map(p -> !p.isAlive()).orElse(true)) {
                    anvil.stop();
                    break;
                }
                DevnetChain.pause(WATCH);
            }
        }
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            options.put(args.get(i), args.get(i + 1));
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new DevnetFailure("devnet sidecar needs " + name);
        }
        return value;
    }
}
