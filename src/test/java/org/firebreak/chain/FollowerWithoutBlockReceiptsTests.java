package org.firebreak.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.firebreak.devnet.Devnet;
import org.firebreak.devnet.Fault;
import org.firebreak.devnet.FaultReport;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.IsolatedDevnet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The block follower through an endpoint that does not serve {@code eth_getBlockReceipts} (a proxy in front of a
 * devnet of the class's own answers it with JSON-RPC -32601, method not found, as nodes without it do): it reads the
 * blocks in full instead ({@link FollowerBlocks}; the endpoint at 1,000,000 calls a minute, so that the rate limit
 * does not choose full blocks first), and every detection that needs a transaction still finds its
 * transaction: a contract created with the EntryPoint's address in its code (staging detector), a type-4
 * authorization re-delegating a served account (EIP-7702 watch), a reverted {@code redeemDelegations}. Reading full
 * blocks, the follower asks {@code eth_getLogs} for the events, and halves that call's range while the node refuses it.
 */
@FirebreakIntegrationTest
@DirtiesContext
class FollowerWithoutBlockReceiptsTests {

    private static final Pattern DEPLOYED = Pattern.compile("contract (0x[0-9a-f]{40}) deployed by");
    private static final Pattern DRAINED = Pattern.compile("account (0x[0-9a-f]{40}) re-delegated");

    @RegisterExtension
    static final IsolatedDevnet isolated = new IsolatedDevnet();
    private static final Devnet devnet = isolated.devnet();
    private static RpcProxy proxy;

    @Autowired
    BlockFollower follower;
    @Autowired
    ChainEvents events;
    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void refusingProfile(DynamicPropertyRegistry registry) throws IOException {
        // In front of the devnet's fault proxy, whose LIMIT_LOG_RANGE refuses wide eth_getLogs ranges.
        proxy = RpcProxy.onlyEndpoint(isolated, devnet.state().proxyUrl(), registry, "no-receipts", 1_000_000);
        proxy.refuse("eth_getBlockReceipts");
    }

    @AfterAll
    static void stopProxy() {
        proxy.close();
    }

    @Test
    void everyDetectionThatNeedsATransactionFindsItInTheFullBlocks() throws IOException {
        try (DevnetProbe chain = DevnetProbe.at(devnet.state().anvilUrl())) {
            chain.followToHead(follower);
        }

        FaultReport staged = devnet.faults().inject(Fault.STAGE_CONTRACT);
        Matcher created = DEPLOYED.matcher(staged.summary());
        assertThat(created.find()).as(staged.summary()).isTrue();
        FaultReport drained = devnet.faults().inject(Fault.DRAIN_DELEGATED_ACCOUNT);
        Matcher redelegated = DRAINED.matcher(drained.summary());
        assertThat(redelegated.find()).as(drained.summary()).isTrue();
        TransactionReceipt reverted;
        try (DevnetProbe chain = DevnetProbe.at(devnet.state().anvilUrl())) {
            // Three arrays of different lengths: the DelegationManager reverts with BatchDataLengthMismatch.
            reverted = chain.sendUnchecked(devnet.profile().contracts().delegationManager().address(),
                    FunctionEncoder.encode(new Function("redeemDelegations", List.of(
                            new DynamicArray<>(DynamicBytes.class, List.of(new DynamicBytes(new byte[] { 1 }))),
                            new DynamicArray<>(Bytes32.class, List.of()), new DynamicArray<>(DynamicBytes.class, List.of())),
                            List.of())));
        }
        assertThat(reverted.isStatusOK()).as("the redemption reverted on chain").isFalse();

        try (DevnetProbe chain = DevnetProbe.at(devnet.state().anvilUrl())) {
            chain.followToHead(follower);
        }

        ChainEvent stagedContract = only(StagedContracts.STAGED_CONTRACT, staged.txHash());
        assertThat(stagedContract.address()).isEqualTo(created.group(1));
        assertThat(stagedContract.fields()).containsEntry("embeds", "entryPoint");
        ChainEvent delegateChanged = only(AccountWatch.DELEGATE_CHANGED, drained.txHash());
        assertThat(delegateChanged.fields()).containsEntry("account", redelegated.group(1).toLowerCase(Locale.ROOT))
                .containsEntry("firstSeen", "false");
        ChainEvent failed = only(StackEvents.REDEMPTION_FAILED, reverted.getTransactionHash());
        assertThat(failed.fields()).containsEntry("from", reverted.getFrom().toLowerCase(Locale.ROOT));

        List<List<String>> reads = proxy.reads();
        assertThat(reads).as("the refused method is asked in one batch at most, then the endpoint is known not to serve it")
                .filteredOn(r -> r.contains("eth_getBlockReceipts")).hasSizeLessThanOrEqualTo(1);
        assertThat(reads).as("blocks read in full, no transaction by hash")
                .anySatisfy(r -> assertThat(r).hasSizeGreaterThan(1).containsOnly("eth_getBlockByNumber"))
                .noneSatisfy(r -> assertThat(r).contains("eth_getTransactionByHash"));
    }

    @Test
    void aRefusedLogRangeIsHalvedUntilTheCatchUpCompletes() throws IOException {
        try (DevnetProbe chain = DevnetProbe.at(devnet.state().anvilUrl())) {
            chain.followToHead(follower);
            long from = chain.head() + 1;
            devnet.faults().inject(Fault.PAUSE_DELEGATION_MANAGER);
            devnet.faults().clear();
            chain.anvil("anvil_mine", "0x1e");
            devnet.faults().inject(Fault.DISABLE_DELEGATION);
            devnet.faults().clear();
            chain.anvil("anvil_mine", "0x1e");
            assertThat(devnet.faults().inject(Fault.LIMIT_LOG_RANGE).changed()).isTrue();
            double refusedBefore = meters.get("firebreak.chain.follower.range.refusals").counter().count();
            try {
                chain.followToHead(follower);
            } finally {
                devnet.faults().clear();
            }
            long to = chain.head();

            assertThat(meters.get("firebreak.chain.follower.range.refusals").counter().count()).isGreaterThan(refusedBefore);
            assertThat(follower.state().logRange()).as("halved to within the limit, then grown back by doubling at most once")
                    .isBetween(1, 2 * 10);
            List<Log> onChain = chain.logs(List.copyOf(BlockFollower.roles(devnet.profile()).keySet()), from, to);
            assertThat(onChain).hasSizeGreaterThanOrEqualTo(4);
            // Events of no log (the account watch's, a failed redemption's) have a negative index.
            assertThat(events.inBlocks(from, to)).filteredOn(e -> e.logIndex() >= 0)
                    .extracting(e -> e.blockHash() + "/" + e.logIndex())
                    .containsExactlyInAnyOrderElementsOf(onChain.stream().map(l -> l.getBlockHash() + "/" + l.getLogIndex())
                            .toList());
        }
    }

    /** The one stored event of this name from this transaction. */
    private ChainEvent only(String name, String txHash) {
        List<ChainEvent> found = events.between(name, java.time.Instant.EPOCH, java.time.Instant.now().plusSeconds(3600),
                100).stream().filter(e -> e.txHash().equals(txHash)).toList();
        assertThat(found).as(name + " of " + txHash).hasSize(1);
        return found.getFirst();
    }
}
