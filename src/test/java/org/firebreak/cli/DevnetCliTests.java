package org.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.firebreak.chain.ChainProfile;
import org.firebreak.shared.YamlDocuments;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code firebreak devnet up|status|fault|down} as a person runs them: the devnet's processes outlive the command
 * that started them, and {@code down} leaves none behind.
 */
@Tag("integration")
class DevnetCliTests {

    @TempDir
    Path dataDir;

    private static CliRun firebreak(String... args) {
        return CliRun.of(args);
    }

    private static long pid(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void upStatusFaultAndDownRoundTripLeavesNoProcess() {
        String dir = dataDir.toString();
        CliRun up = firebreak("devnet", "up", "--data-dir", dir);
        long anvil = 0;
        long sidecar = 0;
        try {
            assertThat(up.exit()).as(up.err()).isZero();
            assertThat(up.out()).containsPattern("Devnet chain 138 is up in [0-9.]+ s").contains("EntryPoint")
                    .contains("DelegationManager").contains("expires-in-3-days");
            anvil = pid(up.out(), "\\(anvil, pid (\\d+)\\)");
            sidecar = pid(up.out(), "sidecar pid (\\d+)\\)");
            assertThat(ProcessHandle.of(sidecar)).isPresent();
            Path profile = dataDir.resolve("devnet/chain-profile.yml");
            assertThat(YamlDocuments.read(profile, ChainProfile.class).chainId()).isEqualTo(138);

            CliRun status = firebreak("devnet", "status", "--data-dir", dir);
            assertThat(status.out()).containsPattern("running: chain 138, block \\d+, anvil pid " + anvil)
                    .contains("rpc-mode=pass blocks=run");
            assertThat(firebreak("devnet", "up", "--data-dir", dir).out()).startsWith("The devnet is already running");

            CliRun slow = firebreak("devnet", "fault", "rpc-slow", "--data-dir", dir);
            assertThat(slow.out()).startsWith("rpc-slow: primary endpoint");
            assertThat(firebreak("devnet", "fault", "clear", "--data-dir", dir).out()).contains("pass-through");
            CliRun unknown = firebreak("devnet", "fault", "meltdown", "--data-dir", dir);
            assertThat(unknown.exit()).isEqualTo(1);
            assertThat(unknown.err().strip()).startsWith("firebreak: unknown fault 'meltdown'").doesNotContain("\n");
        } finally {
            CliRun down = firebreak("devnet", "down", "--data-dir", dir);
            assertThat(down.out()).as(down.err()).contains("Devnet stopped");
        }
        for (long pid : new long[] { anvil, sidecar }) {
            assertThat(ProcessHandle.of(pid).map(p -> p.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join())
                    .filter(ProcessHandle::isAlive)).as("pid " + pid).isEmpty();
        }
        CliRun after = firebreak("devnet", "status", "--data-dir", dir);
        assertThat(after.exit()).isEqualTo(1);
        assertThat(after.err().strip()).isEqualTo("firebreak: no devnet is running for " + dataDir.toAbsolutePath().normalize()
                + "; start one with: firebreak devnet up");
    }

    @Test
    void anImplicitDevnetStopsWhenItsOwnerDies() throws Exception {
        Process owner = new ProcessBuilder("sleep", "60").start();
        try {
            var devnet = org.firebreak.devnet.Devnet.up(org.firebreak.devnet.Devnet.Options.detached(dataDir,
                    DevnetCommand.sidecarCommand(), owner.pid()));
            long anvil = devnet.state().anvilPid();
            assertThat(devnet.orphaned()).isFalse();
            owner.destroyForcibly().waitFor();
            ProcessHandle.of(anvil).ifPresent(p -> p.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join());
            assertThat(ProcessHandle.of(anvil).filter(ProcessHandle::isAlive)).isEmpty();
            ProcessHandle.of(devnet.state().sidecarPid()).ifPresent(p -> p.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join());
            devnet.down();
        } finally {
            owner.destroyForcibly();
        }
        assertThat(Duration.ZERO).isZero();
    }
}
