package org.firebreak.chain;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.firebreak.chain.ChainProfile.ContractRef;
import org.jspecify.annotations.Nullable;

/**
 * One contract a pause or unpause run works on, and what happened to it: settled once with the line it adds to
 * the step's summary and whether it ended in the wanted state; its evidence is keyed by the contract's name.
 */
final class PauseTarget {

    final ContractRef contract;
    private final Map<String, String> evidence = new LinkedHashMap<>();
    private @Nullable String owner;
    private @Nullable BigInteger gasLimit;
    private @Nullable String txHash;
    private @Nullable String line;
    private boolean ended;

    PauseTarget(ContractRef contract) {
        this.contract = contract;
        put("address", contract.address());
    }

    /** "DelegationManager 0x…", as every line about it begins. */
    String label() {
        return contract.name() + " " + contract.address();
    }

    void put(String field, Object value) {
        evidence.put(contract.name() + "." + field, String.valueOf(value));
    }

    Map<String, String> evidence() {
        return evidence;
    }

    boolean settled() {
        return line != null;
    }

    /** The targets no phase has decided yet, in the profile's order. */
    static List<PauseTarget> unsettled(List<PauseTarget> targets) {
        return targets.stream().filter(t -> !t.settled()).toList();
    }

    /** Its final state: in the wanted state or not, and the summary line that says so. */
    void settle(boolean endedAsWanted, String summaryLine) {
        if (line == null) {
            ended = endedAsWanted;
            line = summaryLine;
            put("result", summaryLine);
        }
    }

    /** Settles it when the run cannot go on, saying whether a transaction may be out there. */
    void abandon(String reason, String function) {
        settle(false, txHash == null ? label() + ": not changed, " + reason + ", no transaction sent"
                : label() + ": tx " + txHash + " (" + function + ") may be pending but was not confirmed, " + reason
                        + ": check it on chain before running again");
    }

    boolean ended() {
        return ended;
    }

    @Nullable String line() {
        return line;
    }

    @Nullable String owner() {
        return owner;
    }

    void owner(@Nullable String value) {
        owner = value;
        put("owner", value == null ? "unknown (no owner())" : value);
    }

    @Nullable BigInteger gasLimit() {
        return gasLimit;
    }

    void gasLimit(BigInteger value) {
        gasLimit = value;
        put("gasLimit", value);
    }

    @Nullable String txHash() {
        return txHash;
    }

    void txHash(String value) {
        txHash = value;
        put("txHash", value);
    }
}
