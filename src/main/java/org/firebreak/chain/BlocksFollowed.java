package org.firebreak.chain;

import java.time.Instant;

/**
 * Published in the transaction that stored blocks {@code fromBlock}..{@code toBlock} and their {@code events}
 * (readable through {@link ChainEvents#inBlocks}); listen with {@code @ApplicationModuleListener} or
 * {@code @TransactionalEventListener} to act once they are committed.
 */
public record BlocksFollowed(long fromBlock, long toBlock, Instant lastBlockTime, int events) {
}
