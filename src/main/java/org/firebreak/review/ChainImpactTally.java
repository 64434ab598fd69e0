package org.firebreak.review;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.firebreak.chain.ChainEvent;
import org.firebreak.review.ImpactAssessment.EntryPointCount;
import org.firebreak.review.ImpactAssessment.ReasonCount;

/**
 * Counts, from the block follower's events of a block range, what failed on the chain (the definitions are on
 * {@link ImpactAssessment.ChainImpact}). A pure function of the events, so anyone replaying the same logs gets the
 * same figures.
 */
final class ChainImpactTally {

    /** The reason given to a failed operation whose revert left no reason event. */
    static final String NO_REASON = "no revert reason emitted";

    long userOperations;
    long failedOperations;
    final Map<String, Long> reasons = new LinkedHashMap<>();
    final Set<String> affectedAccounts = new LinkedHashSet<>();
    long accountsDeployed;
    long failedAccountCreations;
    long delegationRedemptions;
    long failedDelegationRedemptions;
    BigInteger gasUsed = BigInteger.ZERO;
    BigInteger gasCost = BigInteger.ZERO;
    /** By "address version": user operations, failed ones. */
    private final Map<String, long[]> entryPoints = new LinkedHashMap<>();

    static ChainImpactTally of(List<ChainEvent> events) {
        Map<String, String> revertReasons = new HashMap<>();
        Map<String, String> postOpReasons = new HashMap<>();
        Set<String> deployedBy = new HashSet<>();
        for (ChainEvent e : events) {
            switch (e.name()) {
                case "UserOperationRevertReason" -> revertReasons.put(hash(e), reason(e));
                case "PostOpRevertReason" -> postOpReasons.put(hash(e), "postOp: " + reason(e));
                case "AccountDeployed" -> deployedBy.add(hash(e));
                default -> {
                }
            }
        }
        ChainImpactTally tally = new ChainImpactTally();
        tally.accountsDeployed = deployedBy.size();
        for (ChainEvent e : events) {
            switch (e.name()) {
                case "UserOperationEvent" -> tally.operation(e, revertReasons, postOpReasons, deployedBy);
                case "RedeemedDelegation" -> tally.delegationRedemptions++;
                case "DelegationRedemptionFailed" -> tally.failedDelegationRedemptions++;
                default -> {
                }
            }
        }
        return tally;
    }

    private void operation(ChainEvent e, Map<String, String> revertReasons, Map<String, String> postOpReasons,
            Set<String> deployedBy) {
        userOperations++;
        long[] share = entryPoints.computeIfAbsent(e.address() + " " + e.fields().getOrDefault("entryPointVersion", "v0.7"),
                k -> new long[2]);
        share[0]++;
        if (!"false".equals(e.fields().get("success"))) {
            return;
        }
        failedOperations++;
        share[1]++;
        String hash = hash(e);
        String reason = revertReasons.getOrDefault(hash, postOpReasons.getOrDefault(hash, NO_REASON));
        reasons.merge(reason, 1L, Long::sum);
        affectedAccounts.add(e.fields().getOrDefault("sender", "?"));
        if (deployedBy.contains(hash)) {
            failedAccountCreations++;
        }
        gasUsed = gasUsed.add(number(e, "actualGasUsed"));
        gasCost = gasCost.add(number(e, "actualGasCost"));
    }

    /** Per EntryPoint, in the order first seen; an event stored before versions were recorded counts as v0.7. */
    List<EntryPointCount> byEntryPoint() {
        return entryPoints.entrySet().stream().map(e -> new EntryPointCount(e.getKey().substring(0, e.getKey().indexOf(' ')),
                e.getKey().substring(e.getKey().indexOf(' ') + 1), e.getValue()[0], e.getValue()[1])).toList();
    }

    /** The reasons, most frequent first, then by name. */
    List<ReasonCount> reasonCounts() {
        return reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(r -> new ReasonCount(r.getKey(), r.getValue())).toList();
    }

    private static String hash(ChainEvent e) {
        return e.fields().getOrDefault("userOpHash", "");
    }

    private static String reason(ChainEvent e) {
        String words = e.fields().get("reason");
        return words == null || words.isBlank() ? e.fields().getOrDefault("revertReason", NO_REASON) : words;
    }

    private static BigInteger number(ChainEvent e, String field) {
        String value = e.fields().get(field);
        return value == null ? BigInteger.ZERO : new BigInteger(value);
    }
}
