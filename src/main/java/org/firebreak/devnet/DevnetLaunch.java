package org.firebreak.devnet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.firebreak.chain.ChainProfile;
import org.firebreak.chain.ChainProfile.Guardian;
import org.jspecify.annotations.Nullable;

/** {@link Devnet#up}: anvil, then the sidecar, then the deployment; on any failure what was started is stopped. */
final class DevnetLaunch {

    private static final int ATTEMPTS = 3;

    private DevnetLaunch() {
    }

    static Devnet launch(Devnet.Options options) {
        DevnetHome home = DevnetHome.locate();
        Path anvilBinary = home.anvil();
        Path dir = options.devnetDir();
        createDirectories(dir);
        LocalProcess anvil = null;
        LocalProcess sidecarProcess = null;
        Sidecar sidecar = null;
        try {
            int anvilPort = 0;
            for (int attempt = 1; anvil == null; attempt++) {
                anvilPort = Devnet.freePort();
                anvil = startAnvil(anvilBinary, anvilPort, dir, options.detached(), attempt == ATTEMPTS);
            }
            int proxyPort = Devnet.freePort();
            if (options.detached()) {
                sidecarProcess = SidecarProcess.start(options, dir, proxyPort, anvilPort, anvil.pid());
            } else {
                sidecar = Sidecar.start(proxyPort, "http://127.0.0.1:" + anvilPort + "/", Devnet.BLOCK_TIME);
            }
            return deploy(home, dir, options, anvil, anvilPort, sidecarProcess, proxyPort, sidecar);
        } catch (RuntimeException e) {
            if (sidecar != null) {
                sidecar.close();
            }
            if (sidecarProcess != null) {
                sidecarProcess.stop();
            }
            if (anvil != null) {
                anvil.stop();
            }
            throw e;
        }
    }

    private static Devnet deploy(DevnetHome home, Path dir, Devnet.Options options, LocalProcess anvil, int anvilPort,
            @Nullable LocalProcess sidecarProcess, int proxyPort, @Nullable Sidecar sidecar) {
        try (DevnetChain chain = new DevnetChain("http://127.0.0.1:" + anvilPort + "/")) {
            Guardian guardian = GuardianKey.create(dir);
            Deployment.Result deployed = new Deployment(home, chain).deploy(guardian);
            DeployedStack stack = deployed.stack();
            Map<String, String> originalCode = new LinkedHashMap<>();
            for (String address : List.of(stack.entryPoint(), stack.accountFactory())) {
                originalCode.put(address, chain.code(address));
            }
            ChainProfile profile = DevnetProfile.of(chain, proxyPort, anvilPort, Devnet.BLOCK_TIME, stack, guardian,
                    deployed.delegations());
            Instant startedAt = Instant.ofEpochSecond(chain.latestBlock().getTimestamp().longValueExact());
            DevnetState state = new DevnetState(anvil.pid(), anvilPort, sidecarProcess == null ? 0 : sidecarProcess.pid(),
                    proxyPort, options.ownerPid(), Devnet.BLOCK_TIME, startedAt, dir.resolve(DevnetFiles.PROFILE), stack,
                    originalCode);
            DevnetFiles.write(state.profile(), DevnetProfile.header(state), profile);
            DevnetFiles.write(dir.resolve(DevnetFiles.STATE), "# Processes and saved code of the running devnet.\n", state);
            return Devnet.started(dir, state, profile, sidecar);
        }
    }

    /** Starts anvil in instant mining (the sidecar's clock adds the periodic blocks); null when the port was taken. */
    private static @Nullable LocalProcess startAnvil(Path binary, int port, Path dir, boolean detached, boolean last) {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--chain-id", String.valueOf(DevnetChain.CHAIN_ID),
                "--host", "127.0.0.1", "--port", String.valueOf(port), "--block-base-fee-per-gas",
                DevnetFaults.NORMAL_BASE_FEE.toString(), "--silent"));
        Path log = dir.resolve("anvil.log");
        LocalProcess anvil = LocalProcess.start(command, "anvil", log, detached);
        try (DevnetChain chain = new DevnetChain("http://127.0.0.1:" + port + "/")) {
            for (int i = 0; i < 200 && anvil.alive(); i++) {
                try {
                    if (chain.chainId() == DevnetChain.CHAIN_ID) {
                        return anvil;
                    }
                } catch (DevnetFailure notYet) {
                    DevnetChain.pause(java.time.Duration.ofMillis(50));
                }
            }
        }
        anvil.stop();
        if (last) {
            throw new DevnetFailure("anvil did not start on 127.0.0.1:" + port + "; see " + log);
        }
        return null;
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DevnetFailure("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }
}
