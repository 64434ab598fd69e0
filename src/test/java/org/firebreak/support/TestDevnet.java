package org.firebreak.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.firebreak.chain.ChainEvents;
import org.firebreak.chain.ChainProfile;
import org.firebreak.devnet.Devnet;
import org.firebreak.devnet.DevnetFaults;
import org.firebreak.devnet.UserOperations;

/**
 * One real devnet per test JVM (anvil from devnet/node_modules, the stack deployed, a chain profile written under
 * {@code target/test-data/devnet-<uuid>/devnet/}), started on first use and stopped by a shutdown hook, so no
 * process outlives the test run. Its sidecar (proxy and block clock) runs inside the test JVM.
 *
 * <pre>{@code
 * ChainProfile profile = TestDevnet.shared().profile();
 * FaultReport report = TestDevnet.faults().inject(Fault.STOP_BLOCKS);
 * try { ... } finally { TestDevnet.faults().clear(); }   // a test clears the faults it injected
 * SentOperations sent = TestDevnet.userOperations().sendFailing(11);   // real handleOps bundles
 * }</pre>
 */
public final class TestDevnet {

    private static Devnet devnet;
    private static Duration startup;

    private TestDevnet() {
    }

    /** The shared devnet, started on first call (a few seconds). */
    public static synchronized Devnet shared() {
        if (devnet == null) {
            long start = System.nanoTime();
            Devnet started = start();
            startup = Duration.ofNanos(System.nanoTime() - start);
            devnet = started;
            System.out.println("test devnet up in " + startup.toMillis() + " ms: " + started.profilePath());
        }
        return devnet;
    }

    /**
     * A devnet of the caller's own, for a test that changes the chain for good (expire-delegation-soon moves chain time
     * forward, which would break every later test's expiry figures on the shared one). Stop it with
     * {@link Devnet#down()}; a shutdown hook stops it otherwise.
     */
    public static Devnet isolated() {
        return start();
    }

    private static Devnet start() {
        Devnet started = Devnet.up(Devnet.Options.inProcess(Path.of("target/test-data/devnet-" + UUID.randomUUID()).toAbsolutePath()));
        Runtime.getRuntime().addShutdownHook(new Thread(started::down, "test-devnet-down"));
        return started;
    }

    /** The shared devnet's chain profile (as written to {@link #profilePath()}). */
    public static ChainProfile profile() {
        return shared().profile();
    }

    /** The profile file, for {@code firebreak.chain.profile=<path>}. */
    public static Path profilePath() {
        return shared().profilePath();
    }

    public static DevnetFaults faults() {
        return shared().faults();
    }

    /** The shared devnet's bundler: real user operations through its EntryPoint. */
    public static UserOperations userOperations() {
        return shared().userOperations();
    }

    /** How long starting and deploying the shared devnet took. */
    public static Duration startup() {
        shared();
        return startup;
    }

    /**
     * Until the block follower of a running context has made its first poll: it starts at the head it finds then, so
     * what a test does on chain before that would not be followed.
     */
    public static void awaitFollowing(ChainEvents chainEvents) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> chainEvents.position().isPresent());
    }
}
