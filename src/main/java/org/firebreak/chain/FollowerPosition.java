package org.firebreak.chain;

import java.time.Instant;

/**
 * Where the block follower stands: the last block it followed (every event up to and including it is stored), when
 * it got there, and the chain head it saw then.
 */
public record FollowerPosition(long block, String hash, Instant blockTime, Instant updatedAt, long head) {
}
