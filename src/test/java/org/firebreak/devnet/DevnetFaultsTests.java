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
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

/** Every fault has an effect a diagnostic can observe on chain (or on the primary endpoint), and clear undoes it. */
class DevnetFaultsTests {

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
    void clearWithNothingInEffectChangesNothing() {
        assertThat(faults.clear()).singleElement().satisfies(r -> assertThat(r.changed()).isFalse());
    }

    @Test
    void unknownFaultNamesTheKnownOnes() {
        assertThatThrownBy(() -> Fault.of("melt-down")).hasMessageContaining("unknown fault 'melt-down'")
                .hasMessageContaining("stop-blocks");
    }
}
