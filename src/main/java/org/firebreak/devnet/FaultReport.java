package org.firebreak.devnet;

import org.jspecify.annotations.Nullable;

/**
 * What injecting or clearing a fault did, in one line, with the transaction hash when it sent one.
 *
 * @param fault the fault's id, e.g. {@code stop-blocks}
 * @param changed false when the fault was already in the asked state and nothing was sent
 */
public record FaultReport(String fault, boolean changed, String summary, @Nullable String txHash) {

    @Override
    public String toString() {
        return fault + ": " + summary + (txHash == null ? "" : " (tx " + txHash + ")");
    }
}
