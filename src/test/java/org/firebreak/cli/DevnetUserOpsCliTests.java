package org.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.firebreak.support.TestDevnet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code firebreak devnet userops} and the user-operation faults, against the shared test devnet. */
@Tag("integration")
class DevnetUserOpsCliTests {

    private static CliRun firebreak(String... args) {
        String dataDir = TestDevnet.profilePath().getParent().getParent().toString();
        String[] withDir = java.util.Arrays.copyOf(args, args.length + 2);
        withDir[args.length] = "--data-dir";
        withDir[args.length + 1] = dataDir;
        return CliRun.of(withDir);
    }

    @AfterEach
    void clearFaults() {
        TestDevnet.faults().clear();
    }

    @Test
    void useropsPrintsTheBundleAndEachOperationsOutcome() {
        CliRun run = firebreak("devnet", "userops", "--succeed", "1", "--fail", "1", "--high-gas", "1", "--new-account");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("Sent 3 user operation\\(s\\) from 0x[0-9a-f]{40} \\(SimpleAccount of 0x[0-9a-f]{40}, "
                + "salt \\d+\\) through EntryPoint v0\\.7 0x[0-9a-f]{40} in 1 bundle\\(s\\)")
                .containsPattern("\\n1 +0x[0-9a-f]{64} +\\d+ +\\d+ +3\\n")
                .containsPattern("\\n1 +1 +succeed +0 +yes +\\d+ +0x[0-9a-f]{64} +account deployed\\n")
                .containsPattern("\\n2 +1 +fail +1 +no +\\d+ +0x[0-9a-f]{64} +reverted: InvalidDelegate\\(\\)\\n")
                .containsPattern("\\n3 +1 +high-gas +2 +yes +[5-9]\\d{5} +0x[0-9a-f]{64}\\n");
    }

    @Test
    void useropsGoThroughTheEntryPointNamedByVersionOrAddress() {
        String v09 = TestDevnet.shared().state().stack().entryPoint(org.firebreak.chain.EntryPointVersion.V09).entryPoint();
        CliRun byVersion = firebreak("devnet", "userops", "--fail", "1", "--new-account", "--entry-point", "v0.9");
        CliRun byAddress = firebreak("devnet", "userops", "--succeed", "1", "--entry-point", v09.toUpperCase().replace("0X", "0x"));

        assertThat(byVersion.exit()).as(byVersion.err()).isZero();
        assertThat(byVersion.out()).contains("through EntryPoint v0.9 " + v09 + " in 1 bundle(s)")
                .containsPattern("\\n1 +1 +fail +0 +no +\\d+ +0x[0-9a-f]{64} +account deployed; reverted: InvalidDelegate\\(\\)\\n");
        assertThat(byAddress.exit()).as(byAddress.err()).isZero();
        assertThat(byAddress.out()).contains("through EntryPoint v0.9 " + v09).containsPattern("\\n1 +1 +succeed +\\d+ +yes ");
        CliRun unknown = firebreak("devnet", "userops", "--fail", "1", "--entry-point", "v0.6");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("--entry-point").contains("v0.7, v0.8 or v0.9, got 'v0.6'");
    }

    @Test
    void badCountsGetOneLineAndExitTwo() {
        for (String[] args : new String[][] { { "devnet", "userops" }, { "devnet", "userops", "--fail", "-1" },
                { "devnet", "userops", "--fail", "201" }, { "devnet", "fault", "rpc-slow", "--count", "3" } }) {
            CliRun run = firebreak(args);
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err().strip()).startsWith("firebreak: ").doesNotContain("\n");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void failUseropsTakesACount() {
        CliRun run = firebreak("devnet", "fault", "fail-userops", "--count", "3");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("fail-userops: 3 of 3 user operations from 0x").contains("(revert InvalidDelegate())")
                .containsPattern("\\(tx 0x[0-9a-f]{64}\\)");
    }

    @Test
    void wrongChainIdShowsInTheStatusUntilCleared() {
        assertThat(firebreak("devnet", "fault", "wrong-chain-id").out()).startsWith("wrong-chain-id: primary endpoint");
        assertThat(firebreak("devnet", "status").out()).contains("chain-id=1 ");
        assertThat(firebreak("devnet", "fault", "clear").out()).contains("wrong-chain-id: proxy reports anvil's chain id again");
        assertThat(firebreak("devnet", "status").out()).contains("chain-id=pass ");
    }
}
