package org.firebreak.devnet;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.firebreak.chain.ChainProfile;
import org.firebreak.chain.EntryPointVersion;
import org.firebreak.shared.YamlDocuments;
import org.jspecify.annotations.Nullable;

/**
 * A local chain-138 devnet: anvil, its sidecar (fault-injecting RPC proxy and block clock) and the deployed
 * smart-account stack, with the chain profile written to {@code <data-dir>/devnet/chain-profile.yml}. Start one with
 * {@link #up}, find a running one with {@link #running}; {@link #down} stops its processes by PID.
 */
public final class Devnet implements AutoCloseable {

    /** Chain 138's expected block time (IBFT 2.0 with blockperiodseconds 2): the block clock's period. */
    public static final Duration BLOCK_TIME = Duration.ofSeconds(2);

    private final Path dir;
    private final DevnetState state;
    private final ChainProfile profile;
    private final @Nullable Sidecar inProcessSidecar;
    private @Nullable DevnetFaults faults;
    private final java.util.Map<EntryPointVersion, UserOperations> userOperations =
            new java.util.EnumMap<>(EntryPointVersion.class);

    private Devnet(Path dir, DevnetState state, ChainProfile profile, @Nullable Sidecar inProcessSidecar) {
        this.dir = dir;
        this.state = state;
        this.profile = profile;
        this.inProcessSidecar = inProcessSidecar;
    }

    /**
     * How to run the devnet's processes.
     *
     * @param detached anvil in its own session and the sidecar as a separate process, so both outlive this JVM;
     *     otherwise anvil is a plain child and the sidecar runs inside this JVM (tests)
     * @param sidecarCommand with {@code detached}: the command that runs {@link #runSidecar} in a new JVM
     * @param ownerPid with {@code detached}: a process whose death stops the devnet (the server that started it)
     */
    public record Options(Path dataDir, boolean detached, List<String> sidecarCommand, @Nullable Long ownerPid) {

        public static Options inProcess(Path dataDir) {
            return new Options(dataDir, false, List.of(), null);
        }

        public static Options detached(Path dataDir, List<String> sidecarCommand, @Nullable Long ownerPid) {
            return new Options(dataDir, true, List.copyOf(sidecarCommand), ownerPid);
        }

        Path devnetDir() {
            return dataDir.toAbsolutePath().normalize().resolve("devnet");
        }
    }

    /** Starts anvil and the sidecar, deploys the stack and writes the chain profile and the state file. */
    public static Devnet up(Options options) {
        return DevnetLaunch.launch(options);
    }

    /** The devnet recorded under {@code dataDir} when its anvil is alive and answers as chain 138. */
    public static Optional<Devnet> running(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize().resolve("devnet");
        if (!Files.isRegularFile(dir.resolve(DevnetFiles.STATE))) {
            return Optional.empty();
        }
        DevnetState state = DevnetFiles.readState(dir);
        if (!new LocalProcess(state.anvilPid(), "anvil").alive()) {
            return Optional.empty();
        }
        try (DevnetChain chain = new DevnetChain(state.anvilUrl())) {
            if (chain.chainId() != DevnetChain.CHAIN_ID) {
                return Optional.empty();
            }
        } catch (DevnetFailure e) {
            return Optional.empty();
        }
        return Optional.of(new Devnet(dir, state, YamlDocuments.read(state.profile(), ChainProfile.class), null));
    }

    static Devnet started(Path dir, DevnetState state, ChainProfile profile, @Nullable Sidecar inProcessSidecar) {
        return new Devnet(dir, state, profile, inProcessSidecar);
    }

    /** Runs the sidecar of a detached devnet until anvil or the owner process dies; arguments as {@link DevnetLaunch} passes them. */
    public static void runSidecar(List<String> args) {
        SidecarProcess.run(args);
    }

    public DevnetState state() {
        return state;
    }

    public ChainProfile profile() {
        return profile;
    }

    public Path profilePath() {
        return state.profile();
    }

    /** True when the process this devnet shares its life with has died (the devnet is about to stop). */
    public boolean orphaned() {
        Long owner = state.ownerPid();
        return owner != null && ProcessHandle.of(owner).map(p -> !p.isAlive()).orElse(true);
    }

    public synchronized DevnetFaults faults() {
        if (faults == null) {
            faults = new DevnetFaults(state, profile);
        }
        return faults;
    }

    /** Sends user operations through the devnet's EntryPoint v0.7, as its bundler. */
    public UserOperations userOperations() {
        return userOperations(EntryPointVersion.V07);
    }

    /** Sends user operations through the devnet's EntryPoint of that release (v0.7, v0.8 or v0.9), as its bundler. */
    public synchronized UserOperations userOperations(EntryPointVersion release) {
        return userOperations.computeIfAbsent(release,
                r -> new UserOperations(state, profile, state.stack().entryPoint(r)));
    }

    /** What is running: processes, chain id, head block, the sidecar's modes. */
    public record Status(boolean running, long anvilPid, long sidecarPid, long chainId, BigInteger blockNumber,
            String sidecar) {
    }

    public Status status() {
        try (DevnetChain chain = new DevnetChain(state.anvilUrl())) {
            String sidecar = new SidecarControl(state.proxyPort()).reachable()
                    ? new SidecarControl(state.proxyPort()).status() : "not answering";
            return new Status(true, state.anvilPid(), state.sidecarPid(), chain.chainId(), chain.blockNumber(), sidecar);
        } catch (DevnetFailure e) {
            return new Status(false, state.anvilPid(), state.sidecarPid(), 0, BigInteger.ZERO, "unknown");
        }
    }

    /** Stops the sidecar and anvil by PID and removes the state file; the profile and keystore stay for inspection. */
    public void down() {
        close();
        if (inProcessSidecar != null) {
            inProcessSidecar.close();
        }
        new LocalProcess(state.sidecarPid(), "java").stop();
        new LocalProcess(state.anvilPid(), "anvil").stop();
        try {
            Files.deleteIfExists(dir.resolve(DevnetFiles.STATE));
        } catch (IOException e) {
            throw new DevnetFailure("cannot remove " + dir.resolve(DevnetFiles.STATE) + ": " + e.getMessage(), e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new DevnetFailure("no free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /** Releases this handle's RPC clients; the devnet keeps running. */
    @Override
    public synchronized void close() {
        if (faults != null) {
            faults.close();
            faults = null;
        }
        userOperations.values().forEach(UserOperations::close);
        userOperations.clear();
    }
}
