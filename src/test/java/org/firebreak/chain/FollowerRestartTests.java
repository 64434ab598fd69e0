package org.firebreak.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.firebreak.FirebreakApplication;
import org.firebreak.devnet.Fault;
import org.firebreak.devnet.FaultReport;
import org.firebreak.support.HttpApi;
import org.firebreak.support.TestDevnet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.web3j.protocol.core.methods.response.Log;

import tools.jackson.databind.JsonNode;

/**
 * Firebreak as it runs, the follower driven by the scheduler: a block is followed within about a second of being
 * mined, and after a stop of 50 blocks the restarted server stores every missed event exactly once. Two servers run
 * one after the other on the same store (the H2 file, or the PostgreSQL of the second test run).
 */
@Tag("integration")
class FollowerRestartTests {

    @RegisterExtension
    static final DevnetProbe anvil = DevnetProbe.anvil();

    private final Path dataDir = Path.of("target/test-data/restart-" + UUID.randomUUID()).toAbsolutePath();

    @AfterEach
    void clearFaults() {
        TestDevnet.faults().clear();
    }

    @Test
    void afterFiftyBlocksDownTheRestartedFollowerStoresEveryMissedEventOnce() throws IOException {
        long stoppedAt;
        try (ConfigurableApplicationContext first = start()) {
            ChainEvents events = first.getBean(ChainEvents.class);
            long head = anvil.head();
            // Generous: on a shared PostgreSQL a killed server of another test may hold the task until its heartbeats time out.
            Awaitility.await().atMost(Duration.ofSeconds(90))
                    .until(() -> events.position().map(p -> p.block() >= head).orElse(false));

            FaultReport pause = TestDevnet.faults().inject(Fault.PAUSE_DELEGATION_MANAGER);
            long mined = System.nanoTime();
            Awaitility.await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20))
                    .until(() -> events.latest("Paused").map(e -> e.txHash().equals(pause.txHash())).orElse(false));
            Duration took = Duration.ofNanos(System.nanoTime() - mined);
            System.out.printf("Paused event of block %d stored %d ms after its transaction was mined%n",
                    anvil.receipt(pause.txHash()).getBlockNumber(), took.toMillis());
            assertThat(took).as("within one block time plus one second").isLessThan(Duration.ofSeconds(3));
            TestDevnet.faults().clear();
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> events.latest("Unpaused").isPresent());
            stoppedAt = events.position().orElseThrow().block();
        }

        List<String> missed = List.of(
                TestDevnet.faults().inject(Fault.PAUSE_DELEGATION_MANAGER).txHash(),
                TestDevnet.faults().inject(Fault.DISABLE_DELEGATION).txHash(),
                TestDevnet.faults().inject(Fault.DRAIN_PAYMASTER).txHash());
        TestDevnet.faults().clear();
        anvil.anvil("anvil_mine", "0x32");
        long head = anvil.head();
        assertThat(head - stoppedAt).isGreaterThanOrEqualTo(50);

        try (ConfigurableApplicationContext second = start()) {
            ChainEvents events = second.getBean(ChainEvents.class);
            Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> events.position().map(p -> p.block() >= head).orElse(false));

            List<Log> onChain = anvil.logs(List.copyOf(BlockFollower.roles(TestDevnet.profile()).keySet()),
                    stoppedAt + 1, head);
            assertThat(onChain).as("pause, unpause, disable, enable, withdraw, deposit").hasSizeGreaterThanOrEqualTo(6);
            assertThat(onChain).extracting(Log::getTransactionHash).containsAll(missed);
            assertThat(events.inBlocks(stoppedAt + 1, head)).extracting(e -> e.blockHash() + "/" + e.logIndex())
                    .containsExactlyInAnyOrderElementsOf(onChain.stream()
                            .map(l -> l.getBlockHash() + "/" + l.getLogIndex()).toList());

            HttpApi api = new HttpApi(port(second));
            JsonNode status = api.get("/api/v1/chain/follower").json();
            assertThat(status.get("following").asBoolean()).isTrue();
            assertThat(status.get("position").get("block").asLong()).isGreaterThanOrEqualTo(head);
            assertThat(status.get("lag").asLong()).isLessThanOrEqualTo(1);
            String metrics = api.get("/actuator/prometheus").body();
            assertThat(metrics).contains("firebreak_chain_follower_lag_blocks", "firebreak_chain_follower_block ",
                    "firebreak_chain_user_operations_total{outcome=\"failed\"}",
                    "firebreak_chain_delegation_redemptions_total{outcome=\"failed\"}",
                    "firebreak_chain_account_creations_total", "firebreak_chain_user_operation_gas_used_count",
                    "firebreak_chain_user_operations_failed_5m", "firebreak_chain_user_operation_failure_ratio",
                    "firebreak_chain_follower_reorgs_total");
        }
    }

    private ConfigurableApplicationContext start() {
        // As arguments: SpringApplicationBuilder.properties() are defaults, which application.yml would override.
        return new SpringApplicationBuilder(FirebreakApplication.class).run(
                "--firebreak.data-dir=" + dataDir, "--firebreak.devnet=true",
                "--firebreak.access.bootstrap-token=" + HttpApi.BOOTSTRAP_TOKEN,
                "--firebreak.chain.profile=" + TestDevnet.profilePath(),
                "--firebreak.playbooks.directory=target/test-data/no-operator-playbooks",
                "--server.port=0",
                "--logging.level.org.firebreak.chain=INFO");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
    }

}
