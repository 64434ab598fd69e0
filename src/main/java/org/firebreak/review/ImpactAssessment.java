package org.firebreak.review;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.firebreak.shared.IncidentType;
import org.firebreak.shared.Severity;
import org.jspecify.annotations.Nullable;

/**
 * An incident's impact, computed from what was recorded: the phases from detection to resolution, severity, type
 * and components from the incident, and from the chain the failures in the incident's window (detection minus the
 * margin to resolution plus the margin; still open: to now) with the exact block range counted.
 *
 * @param chain empty when the chain could not be read; {@code chainNote} then says why
 */
public record ImpactAssessment(
        Instant computedAt,
        Severity severity,
        IncidentType type,
        List<String> components,
        List<Phase> phases,
        @Nullable Duration timeToAcknowledge,
        @Nullable Duration timeToMitigate,
        @Nullable Duration timeToResolve,
        Window window,
        @Nullable ChainImpact chain,
        @Nullable String chainNote) {

    /** One phase: detect → acknowledge, acknowledge → mitigate, mitigate → resolve; {@code to} null while it lasts. */
    public record Phase(String name, Instant from, @Nullable Instant to, Duration duration) {
    }

    /** The chain window: [from, to] in block time, the incident's own span widened by {@code margin} each side. */
    public record Window(Instant from, Instant to, Duration margin, boolean ongoing) {
    }

    /**
     * What the stack's events in blocks {@code firstBlock}..{@code lastBlock} say.
     *
     * @param followedTo the block follower's last block when computed; {@code complete} is false while it has not
     *        reached {@code lastBlock} (events after it are not counted yet)
     * @param failedOperations {@code UserOperationEvent}s with {@code success=false}
     * @param revertReasons the failed operations by the reason their {@code UserOperationRevertReason} (or
     *        {@code PostOpRevertReason}) gives, most frequent first
     * @param affectedAccounts distinct {@code sender}s of the failed operations; {@code affectedAccountList} names up to
     *        {@value ImpactCalculator#LISTED_ACCOUNTS} of them
     * @param accountsDeployed {@code AccountDeployed} events: accounts created by a user operation's initCode
     * @param failedAccountCreations user operations that created their account ({@code AccountDeployed}) and whose
     *        {@code UserOperationEvent} says {@code success=false}: the user's first operation, the one that was to
     *        create the account, failed. A creation refused in validation (AA1x) reverts the whole bundle and leaves
     *        no event to count.
     * @param failedDelegationRedemptions {@code DelegationRedemptionFailed}: {@code redeemDelegations} transactions to
     *        the DelegationManager that reverted (a redemption failing inside a user operation is a failed operation,
     *        with its reason)
     * @param gasUsedByFailedOperations the failed operations' {@code actualGasUsed}, summed
     * @param gasCostOfFailedOperations their {@code actualGasCost} in wei, summed: what the failures cost the accounts
     *        or the paymaster
     * @param byEntryPoint the user operations and failures per EntryPoint (v0.7, v0.8, v0.9 side by side), in the
     *        order first seen
     */
    public record ChainImpact(long firstBlock, Instant firstBlockTime, long lastBlock, Instant lastBlockTime,
            @Nullable Long followedTo, boolean complete, long userOperations, long failedOperations,
            List<ReasonCount> revertReasons, long affectedAccounts, List<String> affectedAccountList,
            long accountsDeployed, long failedAccountCreations, long delegationRedemptions,
            long failedDelegationRedemptions, BigInteger gasUsedByFailedOperations,
            BigInteger gasCostOfFailedOperations, List<EntryPointCount> byEntryPoint) {
    }

    /** One EntryPoint's share: its address, its version ({@code v0.7}, ...), its user operations and failures. */
    public record EntryPointCount(String entryPoint, String version, long userOperations, long failedOperations) {
    }

    public record ReasonCount(String reason, long operations) {
    }
}
