package org.firebreak.chain;

/** The chain could not say which blocks lie in a window: no profile, or no RPC endpoint answered. */
public class BlockLookupFailed extends RuntimeException {

    BlockLookupFailed(String message) {
        super(message);
    }
}
