package org.firebreak.devnet;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The running devnet, as {@code devnet/devnet-state.yml} records it for later commands: the processes (a sidecar
 * PID of 0 means it runs inside the JVM that started the devnet), their ports, the deployed stack, the runtime code
 * that code faults overwrite (for {@code clear}) and the chain profile written for it.
 *
 * @param ownerPid the process whose life the devnet shares (a server that started it implicitly), or null when it
 *     runs until {@code devnet down}
 */
public record DevnetState(long anvilPid, int anvilPort, long sidecarPid, int proxyPort, @Nullable Long ownerPid,
        Duration blockTime, Instant startedAt, Path profile, DeployedStack stack, Map<String, String> originalCode) {

    public DevnetState {
        originalCode = Map.copyOf(originalCode);
    }

    public String anvilUrl() {
        return "http://127.0.0.1:" + anvilPort + "/";
    }

    public String proxyUrl() {
        return "http://127.0.0.1:" + proxyPort + "/";
    }
}
