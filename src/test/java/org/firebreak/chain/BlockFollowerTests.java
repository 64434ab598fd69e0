package org.firebreak.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.firebreak.chain.ChainProfile.WatchedDelegation;
import org.firebreak.devnet.Fault;
import org.firebreak.devnet.FaultReport;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.MutableClock;
import org.firebreak.support.TestDevnet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The block follower against the real devnet, one poll at a time (the scheduler is off in these tests): events of
 * real transactions decoded with their fields, failed redemptions counted, a reorg undone. The restart and the
 * scheduled polling are in {@link FollowerRestartTests}; a refused eth_getLogs range (asked only when blocks are read in
 * full) in {@link FollowerWithoutBlockReceiptsTests}.
 */
@FirebreakIntegrationTest
@RecordApplicationEvents
class BlockFollowerTests {

    @RegisterExtension
    static final DevnetProbe anvil = DevnetProbe.anvil();

    @Autowired
    BlockFollower follower;

    @Autowired
    ChainEvents events;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents published;

    @Autowired
    MutableClock clock;

    @DynamicPropertySource
    static void devnetProfile(DynamicPropertyRegistry registry) {
        registry.add("firebreak.chain.profile", () -> TestDevnet.profilePath().toString());
    }

    /** Each test follows from the head on: a PostgreSQL run shares the tables between test classes. */
    @BeforeEach
    void followFromTheHead() {
        for (String table : List.of("chain_event", "chain_followed_block", "chain_follower_cursor", "chain_reorg")) {
            jdbc.sql("delete from " + table).update();
        }
        // No replica runs the follower here; a context closed in the middle of a round may have left its pick behind.
        jdbc.sql("update scheduled_tasks set picked = false, picked_by = null where task_name = 'chain-follower'")
                .update();
        follower.run();
    }

    @AfterEach
    void clearFaults() {
        TestDevnet.faults().clear();
    }

    @Test
    void pausingUnpausingAndDisablingADelegationAreStoredWithTheirFields() throws IOException {
        FaultReport pause = TestDevnet.faults().inject(Fault.PAUSE_DELEGATION_MANAGER);
        String unpause = txOf(TestDevnet.faults().clear(), Fault.PAUSE_DELEGATION_MANAGER);
        WatchedDelegation delegation = TestDevnet.profile().delegations().getFirst();
        FaultReport disable = TestDevnet.faults().inject(Fault.DISABLE_DELEGATION);
        String enable = txOf(TestDevnet.faults().clear(), Fault.DISABLE_DELEGATION);

        followToHead();

        String manager = DevnetProbe.delegationManager().toLowerCase(Locale.ROOT);
        String guardian = DevnetProbe.guardian().toLowerCase(Locale.ROOT);
        ChainEvent paused = only("Paused", pause.txHash());
        assertThat(paused.contract()).isEqualTo("delegationManager");
        assertThat(paused.address()).isEqualTo(manager);
        assertThat(paused.fields()).isEqualTo(Map.of("account", guardian));
        assertThat(paused.blockNumber()).isEqualTo(anvil.receipt(pause.txHash()).getBlockNumber().longValueExact());
        assertThat(paused.blockHash()).isEqualTo(anvil.receipt(pause.txHash()).getBlockHash());
        assertThat(only("Unpaused", unpause).fields()).isEqualTo(Map.of("account", guardian));
        Map<String, String> expectedDelegation = Map.of(
                "delegationHash", TestDevnet.faults().delegationHash(delegation),
                "delegator", delegation.delegator().toLowerCase(Locale.ROOT),
                "delegate", delegation.delegate().toLowerCase(Locale.ROOT),
                "delegation.delegator", delegation.delegator().toLowerCase(Locale.ROOT),
                "delegation.delegate", delegation.delegate().toLowerCase(Locale.ROOT),
                "delegation.authority", delegation.authority().toLowerCase(Locale.ROOT),
                "delegation.salt", delegation.salt().toString(),
                "delegation.caveats", Integer.toString(delegation.caveats().size()),
                "delegation.enforcers", delegation.caveats().stream().map(c -> c.enforcer().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(",")));
        assertThat(only("DisabledDelegation", disable.txHash()).fields()).isEqualTo(expectedDelegation);
        assertThat(only("EnabledDelegation", enable).fields()).isEqualTo(expectedDelegation);
        assertThat(events.latest("EnabledDelegation").orElseThrow().txHash()).isEqualTo(enable);

        List<BlocksFollowed> batches = published.stream(BlocksFollowed.class).toList();
        assertThat(batches).isNotEmpty();
        assertThat(batches.stream().mapToInt(BlocksFollowed::events).sum()).isEqualTo(
                events.inBlocks(batches.getFirst().fromBlock(), batches.getLast().toBlock()).size());
        assertThat(events.position().orElseThrow().block()).isEqualTo(batches.getLast().toBlock());
    }

    @Test
    void drainingAndRefillingThePaymasterAreEntryPointDepositEvents() {
        FaultReport drain = TestDevnet.faults().inject(Fault.DRAIN_PAYMASTER);
        String refill = txOf(TestDevnet.faults().clear(), Fault.DRAIN_PAYMASTER);

        followToHead();

        String paymaster = TestDevnet.profile().contracts().paymaster().address().toLowerCase(Locale.ROOT);
        ChainEvent withdrawn = only("Withdrawn", drain.txHash());
        assertThat(withdrawn.contract()).isEqualTo("entryPoint");
        assertThat(withdrawn.fields()).containsEntry("account", paymaster).containsEntry("amount", "1000000000000000000");
        String entryPoint = TestDevnet.profile().contracts().entryPoint().address().toLowerCase(Locale.ROOT);
        assertThat(only("Deposited", refill).fields()).isEqualTo(Map.of("account", paymaster,
                "totalDeposit", "1000000000000000000", "entryPoint", entryPoint, "entryPointVersion", "v0.7"));
    }

    @Test
    void aRevertedRedeemDelegationsTransactionIsAFailedRedemption() throws IOException {
        double failedBefore = meters.get("firebreak.chain.delegation.redemptions").tag("outcome", "failed").counter().count();
        // Three arrays of different lengths: the DelegationManager reverts with BatchDataLengthMismatch.
        String mismatched = FunctionEncoder.encode(new Function("redeemDelegations", List.of(
                new DynamicArray<>(DynamicBytes.class, List.of(new DynamicBytes(new byte[] { 1 }))),
                new DynamicArray<>(Bytes32.class, List.of()), new DynamicArray<>(DynamicBytes.class, List.of())), List.of()));
        TransactionReceipt receipt = anvil.sendUnchecked(DevnetProbe.delegationManager(), mismatched);
        assertThat(receipt.isStatusOK()).as("the redemption reverted on chain").isFalse();

        followToHead();

        ChainEvent failed = only(StackEvents.REDEMPTION_FAILED, receipt.getTransactionHash());
        assertThat(failed.contract()).isEqualTo("delegationManager");
        assertThat(failed.logIndex()).isEqualTo(-1 - receipt.getTransactionIndex().intValueExact());
        assertThat(failed.fields()).containsEntry("from", receipt.getFrom().toLowerCase(Locale.ROOT))
                .containsEntry("gasUsed", receipt.getGasUsed().toString());
        assertThat(meters.get("firebreak.chain.delegation.redemptions").tag("outcome", "failed").counter().count())
                .isEqualTo(failedBefore + 1);
    }

    @Test
    void aReorgDeletesTheOrphanedEventsAndFollowsTheNewBlocks() throws IOException {
        followToHead();
        String snapshot = (String) anvil.anvil("evm_snapshot");
        FaultReport pause = TestDevnet.faults().inject(Fault.PAUSE_DELEGATION_MANAGER);
        anvil.anvil("anvil_mine", "0x3");
        followToHead();
        long followed = events.position().orElseThrow().block();
        assertThat(only("Paused", pause.txHash()).blockNumber()).isLessThanOrEqualTo(followed);

        // The chain goes back before the pause and grows past the followed block on another branch.
        assertThat(anvil.anvil("evm_revert", snapshot)).isEqualTo(true);
        FaultReport disable = TestDevnet.faults().inject(Fault.DISABLE_DELEGATION);
        anvil.anvil("anvil_mine", "0x" + Long.toHexString(followed - anvil.head() + 2));
        BlockFollower.Run run = followToHead();

        assertThat(run.reorgs()).isEqualTo(1);
        assertThat(events.between("Paused", Instant.EPOCH, Instant.now().plusSeconds(3600), 100))
                .as("the orphaned pause is gone").noneMatch(e -> e.txHash().equals(pause.txHash()));
        ChainEvent disabled = only("DisabledDelegation", disable.txHash());
        assertThat(disabled.blockHash()).isEqualTo(anvil.receipt(disable.txHash()).getBlockHash());
        ChainReorganized reorg = published.stream(ChainReorganized.class).reduce((a, b) -> b).orElseThrow();
        assertThat(reorg.orphanedTo()).isEqualTo(followed);
        assertThat(reorg.orphanedEvents()).isGreaterThanOrEqualTo(1);
        assertThat(reorg.commonAncestor()).isLessThan(only("DisabledDelegation", disable.txHash()).blockNumber());
        FollowerStatus status = events.status();
        assertThat(status.reorgs()).isEqualTo(1);
        assertThat(status.lastReorgAt()).isNotNull();
        assertThat(meters.get("firebreak.chain.follower.reorgs").counter().count()).isGreaterThanOrEqualTo(1);
        assertStoredExactlyOnce(run);
    }

    @Test
    void theFollowerEndpointShowsPositionHeadAndLag() {
        followToHead();

        FollowerStatus status = events.status();

        assertThat(status.following()).isTrue();
        assertThat(status.position()).isNotNull();
        assertThat(status.lag()).isBetween(0L, 2L);
        assertThat(status.confirmations()).isZero();
        assertThat(status.lastError()).isNull();
    }

    /**
     * Any replica's status tells how long ago the follower, wherever it runs, last made its round: a follower that
     * makes none for longer than three poll intervals (0.5 s on the devnet) and at least a poll interval plus 2 s is
     * stalled, and its next round ends the stall.
     */
    @Test
    void aFollowerThatMakesNoRoundIsStalledUntilItsNextRound() throws IOException {
        followToHead();
        Instant round = clock.instant();

        FollowerStatus going = events.status();
        assertThat(going.lastProgressAt()).isEqualTo(round);
        assertThat(going.sinceLastProgressSeconds()).isZero();
        assertThat(going.stalledAfterSeconds()).isEqualTo(2.5);
        assertThat(going.stalled()).isFalse();
        assertThat(going.runningOn()).as("the scheduler is off here: no replica runs the follower").isNull();

        clock.advance(Duration.ofMillis(2500));
        assertThat(events.status().stalled()).as("not beyond 2.5 s yet").isFalse();
        clock.advance(Duration.ofMillis(2700));
        FollowerStatus stalled = events.status();
        assertThat(stalled.stalled()).isTrue();
        assertThat(stalled.sinceLastProgressSeconds()).isEqualTo(5.2);
        assertThat(stalled.lastProgressAt()).isEqualTo(round);
        assertThat(meters.get("firebreak.chain.follower.since.progress").gauge().value()).isEqualTo(5.2);

        anvil.anvil("anvil_mine", "0x3");
        follower.run();
        FollowerStatus again = events.status();
        assertThat(again.stalled()).isFalse();
        assertThat(again.lastProgressAt()).isEqualTo(clock.instant());
        assertThat(again.sinceLastProgressSeconds()).isZero();
        assertThat(again.lag()).isBetween(0L, 1L);
    }

    /**
     * A follower round another replica holds and no longer heartbeats for (it died a few seconds ago; db-scheduler
     * takes the round over at 4 missed heartbeats) is a stall at once, however recent the last recorded round.
     */
    @Test
    void aRoundHeldByAReplicaThatStoppedHeartbeatingIsAStall() {
        followToHead();
        jdbc.sql("delete from scheduled_tasks where task_name = 'chain-follower'").update();
        try {
            jdbc.sql("""
                    insert into scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by,
                        last_heartbeat, version)
                    values ('chain-follower', 'recurring', :at, true, 'replica-b-4242', :heartbeat, 3)""")
                    .param("at", org.firebreak.shared.Sql.ts(Instant.now().minusSeconds(5)))
                    .param("heartbeat", org.firebreak.shared.Sql.ts(Instant.now().minusSeconds(1))).update();
            FollowerStatus beating = events.status();
            assertThat(beating.runningOn()).isEqualTo("replica-b-4242");
            assertThat(beating.runningHeartbeatAgeSeconds()).isBetween(1.0, 2.0);
            assertThat(beating.stalled()).as("one heartbeat late is no stall").isFalse();

            jdbc.sql("update scheduled_tasks set last_heartbeat = :heartbeat where task_name = 'chain-follower'")
                    .param("heartbeat", org.firebreak.shared.Sql.ts(Instant.now().minusSeconds(3))).update();
            FollowerStatus silent = events.status();
            assertThat(silent.runningHeartbeatAgeSeconds()).isGreaterThanOrEqualTo(3.0);
            assertThat(silent.sinceLastProgressSeconds()).isZero();
            assertThat(silent.stalled()).isTrue();
        } finally {
            jdbc.sql("delete from scheduled_tasks where task_name = 'chain-follower'").update();
        }
    }

    /** Polls until the follower stands at the head anvil had when asked (no confirmations on the devnet). */
    private BlockFollower.Run followToHead() {
        long head;
        try {
            head = anvil.head();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        BlockFollower.Run total = null;
        int reorgs = 0;
        for (int i = 0; i < 100; i++) {
            BlockFollower.Run run = follower.run();
            assertThat(run.error()).as("follower error").isNull();
            reorgs += run.reorgs();
            total = new BlockFollower.Run(true, run.head(), run.followedTo(), 0, 0, reorgs, run.error());
            if (run.followedTo() >= head) {
                return total;
            }
        }
        throw new AssertionError("the follower did not reach block " + head + ": " + total);
    }

    /** The one stored event of this name from this transaction. */
    private ChainEvent only(String name, String txHash) {
        List<ChainEvent> found = events.between(name, Instant.EPOCH, Instant.now().plusSeconds(3600), 10_000).stream()
                .filter(e -> e.txHash().equals(txHash)).toList();
        assertThat(found).as(name + " of tx " + txHash).hasSize(1);
        return found.getFirst();
    }

    private void assertStoredExactlyOnce(BlockFollower.Run run) throws IOException {
        long first = events.inBlocks(0, run.followedTo()).stream().mapToLong(ChainEvent::blockNumber).min().orElse(run.followedTo());
        List<Log> onChain = anvil.logs(List.copyOf(BlockFollower.roles(TestDevnet.profile()).keySet()), first, run.followedTo());
        assertThat(events.inBlocks(first, run.followedTo()).stream().filter(e -> e.logIndex() >= 0)
                .map(e -> e.blockHash() + "/" + e.logIndex()).toList())
                .containsExactlyInAnyOrderElementsOf(onChain.stream().map(l -> l.getBlockHash() + "/" + l.getLogIndex()).toList());
    }

    private static String txOf(List<FaultReport> reports, Fault fault) {
        return reports.stream().filter(r -> r.fault().equals(fault.id()) && r.txHash() != null).findFirst()
                .orElseThrow(() -> new AssertionError("no " + fault.id() + " transaction in " + reports)).txHash();
    }

}
