package org.firebreak.chain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The block follower at a glance, for {@code GET /api/v1/chain/follower}.
 *
 * @param following whether a chain profile is configured to follow
 * @param position the last followed block, empty before the first batch
 * @param head the chain head the follower saw last (this process), or the one stored with the position
 * @param lag blocks between that head and the position (the confirmations count in it)
 * @param logRange the blocks one eth_getLogs call spans now (shrinks while the node refuses ranges)
 * @param reorgs reorgs met since the follower began, with the last one's time
 * @param events events stored
 * @param lastError the last failure of this process's follower and when; cleared by the next good poll
 */
public record FollowerStatus(boolean following, @Nullable FollowerPosition position, @Nullable Long head,
        @Nullable Long lag, int confirmations, int logRange, long reorgs, @Nullable Instant lastReorgAt, long events,
        @Nullable String lastError, @Nullable Instant lastErrorAt) {
}
