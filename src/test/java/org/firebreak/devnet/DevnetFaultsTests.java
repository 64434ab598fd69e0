package org.firebreak.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import org.firebreak.chain.ChainProfile;
import org.firebreak.chain.ChainProfile.WatchedDelegation;
import org.firebreak.support.TestDevnet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlockNumber;
import org.web3j.protocol.core.methods.response.EthChainId;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/** Every fault has an effect a diagnostic can observe on chain (or on the primary endpoint), and clear undoes it. */
@Tag("integration")
class DevnetFaultsTests {

    private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
    private static final String OWNERSHIP_TRANSFER_STARTED = "0x38d16b8cac22d99fc7c124b9cd0de2d3fa1faef420bfe791d8c362d765e22700";
    private static final String OWNERSHIP_TRANSFERRED = "0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0";

    private static Devnet devnet;
    private static ChainProfile profile;
    private static DevnetFaults faults;
    private static DevnetChain chain;

    @BeforeAll
    static void startDevnet() {
        devnet = TestDevnet.shared();
        profile = devnet.profile();
        faults = devnet.faults();
        chain = new DevnetChain(devnet.state().anvilUrl());
    }

    @AfterEach
    void clearWhatTheTestInjected() {
        faults.clear();
    }

    @AfterAll
    static void closeClient() {
        chain.close();
    }

    private static boolean paused() {
        return (Boolean) chain.callValue(profile.contracts().delegationManager().address(), StackFunctions.paused());
    }

    @Test
    void pauseIsARealTransactionFromTheGuardianAndClearUnpauses() {
        FaultReport report = faults.inject(Fault.PAUSE_DELEGATION_MANAGER);
        assertThat(report.changed()).isTrue();
        assertThat(report.txHash()).matches("0x[0-9a-f]{64}");
        assertThat(paused()).isTrue();
        FaultReport again = faults.inject(Fault.PAUSE_DELEGATION_MANAGER);
        assertThat(again.changed()).isFalse();
        assertThat(again.summary()).contains("already paused");
        assertThat(again.txHash()).isNull();

        assertThat(faults.clear()).extracting(FaultReport::summary).anyMatch(s -> s.contains("unpaused"));
        assertThat(paused()).isFalse();
    }

    @Test
    void entryPointCodeCanBeRemovedOrReplacedAndIsRestored() {
        String entryPoint = profile.contracts().entryPoint().address();
        faults.inject(Fault.REMOVE_ENTRYPOINT_CODE);
        assertThat(chain.code(entryPoint)).isEqualTo("0x");
        faults.clear();
        assertThat(chain.codeHash(entryPoint)).isEqualTo(profile.contracts().entryPoint().codeHash());

        faults.inject(Fault.REPLACE_ENTRYPOINT_CODE);
        assertThat(chain.code(entryPoint)).isNotEqualTo("0x");
        assertThat(chain.codeHash(entryPoint)).isNotEqualTo(profile.contracts().entryPoint().codeHash());
        assertThat(faults.inject(Fault.REPLACE_ENTRYPOINT_CODE).changed()).isFalse();
        faults.clear();
        assertThat(chain.codeHash(entryPoint)).isEqualTo(profile.contracts().entryPoint().codeHash());
    }

    @Test
    void factoryCodeCanBeRemovedAndIsRestored() {
        String factory = profile.contracts().accountFactory().address();
        faults.inject(Fault.REMOVE_FACTORY_CODE);
        assertThat(chain.code(factory)).isEqualTo("0x");
        faults.clear();
        assertThat(chain.codeHash(factory)).isEqualTo(profile.contracts().accountFactory().codeHash());
    }

    @Test
    void stoppedBlocksStayStoppedForMoreThanThreeBlockTimesAndRefuseTransactionFaultsThenResume() {
        faults.inject(Fault.STOP_BLOCKS);
        BigInteger halted = chain.blockNumber();
        DevnetChain.pause(profile.blockTime().multipliedBy(3).plusMillis(500));
        assertThat(chain.blockNumber()).isEqualTo(halted);
        assertThatThrownBy(() -> faults.inject(Fault.DRAIN_PAYMASTER)).hasMessageContaining("blocks are stopped");

        faults.clear();
        DevnetChain.pause(profile.blockTime().plusMillis(500));
        assertThat(chain.blockNumber()).isGreaterThan(halted);
    }

    @Test
    void baseFeeSpikesAboveTheCeilingAndIsReset() {
        faults.inject(Fault.SPIKE_BASE_FEE);
        assertThat(chain.latestBlock().getBaseFeePerGas()).isGreaterThan(profile.thresholds().gasPriceCeiling());
        faults.clear();
        assertThat(chain.latestBlock().getBaseFeePerGas()).isLessThanOrEqualTo(DevnetFaults.NORMAL_BASE_FEE);
    }

    @Test
    void drainedPaymasterDepositFallsBelowTheThresholdAndIsRefilled() {
        FaultReport report = faults.inject(Fault.DRAIN_PAYMASTER);
        assertThat(report.txHash()).isNotNull();
        assertThat(faults.deposit()).isLessThan(profile.thresholds().paymasterMinDeposit());
        assertThat(faults.inject(Fault.DRAIN_PAYMASTER).changed()).isFalse();
        faults.clear();
        assertThat(faults.deposit()).isEqualTo(devnet.state().stack().paymasterDeposit());
    }

    @Test
    void disabledDelegationIsDisabledOnChainAndEnabledAgain() {
        WatchedDelegation first = profile.delegations().getFirst();
        byte[] hash = Numeric.hexStringToByteArray(faults.delegationHash(first));
        FaultReport report = faults.inject(Fault.DISABLE_DELEGATION);
        assertThat(report.summary()).contains(first.name());
        assertThat(disabled(hash)).isTrue();
        faults.clear();
        assertThat(disabled(hash)).isFalse();
    }

    private static boolean disabled(byte[] hash) {
        return (Boolean) chain.callValue(profile.contracts().delegationManager().address(),
                StackFunctions.disabledDelegations(hash));
    }

    @Test
    void failingPrimaryEndpointAnswersErrorsWhileTheSecondaryServes() {
        List<ChainProfile.RpcEndpoint> rpc = profile.rpc();
        faults.inject(Fault.RPC_FAIL);
        try (DevnetChain primary = new DevnetChain(rpc.get(0).url().toString());
                DevnetChain secondary = new DevnetChain(rpc.get(1).url().toString())) {
            assertThatThrownBy(primary::blockNumber).isInstanceOf(DevnetFailure.class).hasMessageContaining("503");
            assertThat(secondary.chainId()).isEqualTo(138);
            faults.clear();
            assertThat(primary.chainId()).isEqualTo(138);
        }
    }

    @Test
    void slowPrimaryEndpointAddsLatencyUntilCleared() {
        faults.inject(Fault.RPC_SLOW);
        try (DevnetChain primary = new DevnetChain(profile.rpc().getFirst().url().toString())) {
            assertThat(latency(primary)).isGreaterThanOrEqualTo(Sidecar.SLOW_DELAY)
                    .isGreaterThan(profile.thresholds().slowRpc());
            faults.clear();
            assertThat(latency(primary)).isLessThan(profile.thresholds().slowRpc());
        }
    }

    private static Duration latency(DevnetChain endpoint) {
        long start = System.nanoTime();
        endpoint.blockNumber();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void failUserOpsLandsElevenFailedUserOperationEventsWithinAFewBlocks() throws Exception {
        BigInteger before = chain.blockNumber();
        FaultReport report = faults.inject(Fault.FAIL_USEROPS);
        BigInteger after = chain.blockNumber();

        assertThat(report.summary()).startsWith("11 of 11 user operations").contains("InvalidDelegate()");
        List<List<Type>> events = entryPointEvents(before, EntryPointEvents.USER_OPERATION_EVENT);
        assertThat(events).hasSize(11).allSatisfy(data -> assertThat((Boolean) data.get(1).getValue()).isFalse());
        assertThat(entryPointEvents(before, EntryPointEvents.USER_OPERATION_REVERT_REASON)).hasSize(11);
        assertThat(after.subtract(before)).isLessThanOrEqualTo(BigInteger.valueOf(3));
        assertThat(faults.failUserOperations(10).summary()).startsWith("10 of 10 user operations");
        assertThatThrownBy(() -> faults.failUserOperations(0)).hasMessageContaining("at least 1");
    }

    @Test
    void highGasUserOpUsesMoreThanFiveHundredThousandGas() throws Exception {
        BigInteger before = chain.blockNumber();
        faults.inject(Fault.HIGH_GAS_USEROP);
        assertThat(entryPointEvents(before, EntryPointEvents.USER_OPERATION_EVENT)).singleElement().satisfies(data -> {
            assertThat((Boolean) data.get(1).getValue()).isTrue();
            assertThat((BigInteger) data.get(3).getValue()).isGreaterThan(BigInteger.valueOf(500_000));
        });
    }

    /** The non-indexed values of the EntryPoint's {@code event}s in the blocks after {@code before}. */
    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static List<List<Type>> entryPointEvents(BigInteger before, Event event) throws Exception {
        List<List<Type>> events = new java.util.ArrayList<>();
        for (Log log : logs(before, devnet.state().stack().entryPoint(), EventEncoder.encode(event))) {
            events.add(FunctionReturnDecoder.decode(log.getData(), (List) event.getNonIndexedParameters()));
        }
        return events;
    }

    private static List<Log> logs(BigInteger before, String address, String topic) throws Exception {
        Web3j anvil = Web3j.build(new HttpService(devnet.state().anvilUrl()));
        try {
            EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(before.add(BigInteger.ONE)),
                    DefaultBlockParameterName.LATEST, address).addSingleTopic(topic);
            return anvil.ethGetLogs(filter).send().getLogs().stream().map(l -> (Log) l.get()).toList();
        } finally {
            anvil.shutdown();
        }
    }

    @Test
    void transferredOwnershipEmitsBothOwnable2StepEventsAndClearHandsItBack() throws Exception {
        String manager = profile.contracts().delegationManager().address();
        String guardian = profile.guardian().address();
        BigInteger before = chain.blockNumber();

        FaultReport report = faults.inject(Fault.TRANSFER_OWNERSHIP);

        assertThat(report.changed()).isTrue();
        assertThat(owner("owner")).isEqualToIgnoringCase(DevAccounts.outsider().getAddress()).isNotEqualToIgnoringCase(guardian);
        assertThat(owner("pendingOwner")).isEqualTo(ZERO_ADDRESS);
        assertThat(logs(before, manager, OWNERSHIP_TRANSFER_STARTED)).hasSize(1);
        assertThat(logs(before, manager, OWNERSHIP_TRANSFERRED)).singleElement().satisfies(log -> assertThat(log.getTopics().get(2))
                .isEqualTo(Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(DevAccounts.outsider().getAddress()), 64)));
        assertThat(faults.inject(Fault.TRANSFER_OWNERSHIP).changed()).isFalse();
        assertThatThrownBy(() -> faults.inject(Fault.PAUSE_DELEGATION_MANAGER)).isInstanceOf(DevnetFailure.class);

        assertThat(faults.clear()).extracting(FaultReport::fault).contains("transfer-ownership");
        assertThat(owner("owner")).isEqualToIgnoringCase(guardian);
        assertThat(owner("pendingOwner")).isEqualTo(ZERO_ADDRESS);
        assertThat(faults.inject(Fault.PAUSE_DELEGATION_MANAGER).changed()).isTrue();
    }

    private static String owner(String view) {
        return (String) chain.callValue(profile.contracts().delegationManager().address(),
                StackFunctions.view(view, new TypeReference<Address>() { }));
    }

    @Test
    void wrongChainIdIsWhatThePrimaryEndpointAnswersSinglyAndInBatchesUntilCleared() throws Exception {
        String primary = profile.rpc().getFirst().url().toString();
        FaultReport report = faults.inject(Fault.WRONG_CHAIN_ID);
        assertThat(report.changed()).isTrue();
        assertThat(faults.inject(Fault.WRONG_CHAIN_ID).changed()).isFalse();
        Web3j proxy = Web3j.build(new HttpService(primary));
        try (DevnetChain anvil = new DevnetChain(devnet.state().anvilUrl())) {
            assertThat(proxy.ethChainId().send().getChainId()).isEqualTo(BigInteger.ONE);
            assertThat(proxy.netVersion().send().getNetVersion()).isEqualTo("1");
            var batch = proxy.newBatch().add(proxy.ethBlockNumber()).add(proxy.ethChainId()).send().getResponses();
            assertThat(((EthBlockNumber) batch.get(0)).getBlockNumber()).isPositive();
            assertThat(((EthChainId) batch.get(1)).getChainId()).isEqualTo(BigInteger.ONE);
            assertThat(anvil.chainId()).isEqualTo(138);

            assertThat(faults.clear()).extracting(FaultReport::fault).containsExactly("wrong-chain-id");
            assertThat(proxy.ethChainId().send().getChainId()).isEqualTo(BigInteger.valueOf(138));
            assertThat(proxy.netVersion().send().getNetVersion()).isEqualTo("138");
        } finally {
            proxy.shutdown();
        }
    }

    @Test
    void clearWithNothingInEffectChangesNothing() {
        assertThat(faults.clear()).singleElement().satisfies(r -> assertThat(r.changed()).isFalse());
    }

    @Test
    void unknownFaultNamesTheKnownOnes() {
        assertThatThrownBy(() -> Fault.of("melt-down")).hasMessageContaining("unknown fault 'melt-down'")
                .hasMessageContaining("stop-blocks");
    }
}
