package org.firebreak.chain;

import java.util.List;
import java.util.Optional;

import org.web3j.protocol.core.methods.response.EthCall;

/**
 * What the chain's EVM can run, read from the chain itself rather than from its name: transient storage (EIP-1153,
 * Cancun) by running the init code {@value #TLOAD_PROBE} (PUSH0 TLOAD STOP) in an {@code eth_call} without a
 * recipient, which a node before Cancun refuses as an invalid opcode; Prague by asking the BLS12-381 G1 addition
 * precompile ({@value #BLS12_G1ADD}, EIP-2537, new in Prague beside EIP-7702) to add the point at infinity to itself:
 * it answers 128 bytes, where there is no precompile the call answers nothing.
 *
 * @param transientStorage whether TLOAD runs
 * @param prague whether the Prague precompiles answer (and with them EIP-7702 accounts)
 * @param tloadAnswer what the node said to the TLOAD probe, for the evidence
 */
record ForkLevel(boolean transientStorage, boolean prague, String tloadAnswer) {

    static final String TLOAD_PROBE = "0x5f5c00";
    static final String BLS12_G1ADD = "0x000000000000000000000000000000000000000b";
    /** Two G1 points at infinity (64 zero bytes each, twice 128). */
    static final String INFINITY_TWICE = "0x" + "00".repeat(256);
    private static final int G1_POINT_HEX = 2 + 2 * 128;

    /** The two probes, to send in one batch; {@link #of} reads their answers. */
    static List<RpcCall<?>> probes() {
        return List.of(RpcCall.call(null, null, TLOAD_PROBE, "latest"),
                RpcCall.call(null, BLS12_G1ADD, INFINITY_TWICE, "latest"));
    }

    /** The level the answers to {@link #probes()} at {@code first} and {@code first + 1} give. */
    static ForkLevel of(ChainClient.Answers answers, int first) {
        EthCall tload = answers.get(first, EthCall.class);
        boolean transientStorage = !tload.hasError() && !tload.isReverted();
        String said = transientStorage ? "ran" : tload.getError() != null ? tload.getError().getMessage()
                : String.valueOf(tload.getRevertReason());
        EthCall bls = answers.get(first + 1, EthCall.class);
        boolean prague = !bls.hasError() && bls.getValue() != null && bls.getValue().length() == G1_POINT_HEX;
        return new ForkLevel(transientStorage, prague, said);
    }

    /** In words: "Prague", "Cancun (no Prague precompiles)" or "before Cancun (no transient storage)". */
    String describe() {
        if (prague && transientStorage) {
            return "Prague or later";
        }
        return transientStorage ? "Cancun (no Prague precompiles)" : "before Cancun (no transient storage)";
    }

    /** Why an EntryPoint of {@code version} cannot run here at all, or empty when it can. */
    Optional<String> cannotRun(EntryPointVersion version) {
        if (version.needsTransientStorage() && !transientStorage) {
            return Optional.of(version.label() + " needs transient storage (EIP-1153, Cancun) and this chain has none "
                    + "(TLOAD: " + tloadAnswer + "): every handleOps through it reverts");
        }
        return Optional.empty();
    }

    /** What an EntryPoint of {@code version} cannot do here though it runs, or empty when nothing. */
    Optional<String> limits(EntryPointVersion version) {
        if (version.acceptsEip7702Accounts() && !prague) {
            return Optional.of(version.label() + " serves EIP-7702 accounts (initCode 0x7702…), which need Prague; "
                    + "this chain is " + describe() + ", so no account here can be 7702-delegated");
        }
        return Optional.empty();
    }
}
