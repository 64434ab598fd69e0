package org.firebreak.chain;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The block follower at a glance, for {@code GET /api/v1/chain/follower}.
 *
 * @param following whether a chain profile is configured to follow
 * @param position the last followed block, empty before the first batch
 * @param head the newest chain head known here: seen by this process's follower or endpoint probes, or stored by
 *        whichever replica followed last
 * @param lag blocks between that head and the position (the confirmations count in it); while {@code stalled}, what
 *        the follower has not read yet as far as this process knows

 * @param logRange the blocks one eth_getLogs call spans now (shrinks while the node refuses ranges)
 * @param reorgs reorgs met since the follower began, with the last one's time
 * @param events events stored
 * @param lastError the last failure of this process's follower and when; cleared by the next good poll
 * @param lastProgressAt when a follower, on whichever replica, last made its round (the node answered and the last
 *        followed block was still the node's) or committed a batch; null before the first
 * @param sinceLastProgressSeconds seconds since then
 * @param stalled whether that is longer than {@code stalledAfterSeconds}, or the replica running the follower has
 *        missed heartbeats: that replica died (until another takes over, seconds later) or the follower fails or
 *        hangs; lag is then no measure of how current the stored events are
 * @param stalledAfterSeconds {@link #stalledAfter} of the profile's poll interval
 * @param runningOn the replica ({@code <host>-<pid>}) running a follower round right now, null between rounds
 * @param runningHeartbeatAgeSeconds seconds since that replica's last heartbeat for the round
 */
public record FollowerStatus(boolean following, @Nullable FollowerPosition position, @Nullable Long head,
        @Nullable Long lag, int confirmations, int logRange, long reorgs, @Nullable Instant lastReorgAt, long events,
        @Nullable String lastError, @Nullable Instant lastErrorAt, @Nullable Instant lastProgressAt,
        @Nullable Double sinceLastProgressSeconds, boolean stalled, double stalledAfterSeconds,
        @Nullable String runningOn, @Nullable Double runningHeartbeatAgeSeconds) {

    /**
     * How long without a round makes a follower stalled: three poll intervals, and never less than one poll interval
     * plus 2 s (a round is recorded at most every second, and the scheduler's polling and a batch's reads come on top).
     * The devnet's 0.5 s poll: 2.5 s; a 12 s chain's 6 s poll: 18 s.
     */
    public static Duration stalledAfter(Duration pollInterval) {
        Duration three = pollInterval.multipliedBy(3);
        Duration plus = pollInterval.plusSeconds(2);
        return three.compareTo(plus) > 0 ? three : plus;
    }
}
