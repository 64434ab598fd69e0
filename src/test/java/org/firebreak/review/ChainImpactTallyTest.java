package org.firebreak.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.firebreak.chain.ChainEvent;
import org.firebreak.review.ImpactAssessment.ReasonCount;
import org.junit.jupiter.api.Test;

class ChainImpactTallyTest {

    private final List<ChainEvent> events = new ArrayList<>();
    private int log;

    private void event(String name, Map<String, String> fields) {
        events.add(new ChainEvent(10, "0xb", Instant.parse("2026-11-25T03:00:00Z"), "0xt", log++, "entryPoint", "0xe",
                name, fields));
    }

    private void operation(String hash, String sender, boolean success, long gasUsed, long gasCost) {
        event("UserOperationEvent", Map.of("userOpHash", hash, "sender", sender, "success", Boolean.toString(success),
                "actualGasUsed", Long.toString(gasUsed), "actualGasCost", Long.toString(gasCost)));
    }

    private void revert(String hash, String reason) {
        event("UserOperationRevertReason", Map.of("userOpHash", hash, "reason", reason, "revertReason", "0xb5863604"));
    }

    @Test
    void failedOperationsAreCountedWithTheirReasonsAccountsAndGas() {
        revert("0x1", "InvalidDelegate: the redeemer is not the delegation's delegate");
        operation("0x1", "0xaa", false, 88_000, 1_000);
        revert("0x2", "InvalidDelegate: the redeemer is not the delegation's delegate");
        operation("0x2", "0xaa", false, 87_000, 2_000);
        revert("0x3", "EnforcedPause: the contract is paused");
        operation("0x3", "0xbb", false, 90_000, 3_000);
        operation("0x4", "0xcc", true, 60_000, 500);
        event("PostOpRevertReason", Map.of("userOpHash", "0x5", "reason", "paymaster out of funds"));
        operation("0x5", "0xdd", false, 70_000, 4_000);
        operation("0x6", "0xdd", false, 10_000, 5_000);

        ChainImpactTally tally = ChainImpactTally.of(events);

        assertThat(tally.userOperations).isEqualTo(6);
        assertThat(tally.failedOperations).isEqualTo(5);
        assertThat(tally.affectedAccounts).containsExactly("0xaa", "0xbb", "0xdd");
        assertThat(tally.reasonCounts()).containsExactly(
                new ReasonCount("InvalidDelegate: the redeemer is not the delegation's delegate", 2),
                new ReasonCount("EnforcedPause: the contract is paused", 1),
                new ReasonCount(ChainImpactTally.NO_REASON, 1),
                new ReasonCount("postOp: paymaster out of funds", 1));
        assertThat(tally.gasUsed).isEqualTo(BigInteger.valueOf(88_000 + 87_000 + 90_000 + 70_000 + 10_000));
        assertThat(tally.gasCost).isEqualTo(BigInteger.valueOf(15_000));
    }

    @Test
    void aFailedAccountCreationIsADeployingOperationThatFailed() {
        event("AccountDeployed", Map.of("userOpHash", "0x1", "sender", "0xaa"));
        operation("0x1", "0xaa", false, 300_000, 1);
        event("AccountDeployed", Map.of("userOpHash", "0x2", "sender", "0xbb"));
        operation("0x2", "0xbb", true, 250_000, 1);
        operation("0x3", "0xaa", false, 80_000, 1);

        ChainImpactTally tally = ChainImpactTally.of(events);

        assertThat(tally.accountsDeployed).isEqualTo(2);
        assertThat(tally.failedAccountCreations).as("only 0x1 created its account and failed").isEqualTo(1);
    }

    @Test
    void delegationRedemptionsAreCountedByOutcome() {
        event("RedeemedDelegation", Map.of("rootDelegator", "0xaa"));
        event("DelegationRedemptionFailed", Map.of("from", "0xbb", "status", "0"));
        event("DelegationRedemptionFailed", Map.of("from", "0xbb", "status", "0"));

        ChainImpactTally tally = ChainImpactTally.of(events);

        assertThat(tally.delegationRedemptions).isEqualTo(1);
        assertThat(tally.failedDelegationRedemptions).isEqualTo(2);
        assertThat(tally.failedOperations).isZero();
    }
}
