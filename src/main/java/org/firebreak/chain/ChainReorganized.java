package org.firebreak.chain;

import java.time.Instant;

/**
 * Published in the transaction that undid a reorg: followed blocks after {@code commonAncestor} up to
 * {@code orphanedTo} (whose hash was {@code orphanedHash}) are no longer the chain's, and their
 * {@code orphanedEvents} events were deleted; the follower follows the new blocks from {@code commonAncestor + 1}.
 */
public record ChainReorganized(long commonAncestor, long orphanedTo, String orphanedHash, int orphanedEvents,
        Instant detectedAt) {

    /** How many followed blocks were replaced. */
    public long depth() {
        return orphanedTo - commonAncestor;
    }
}
