package org.firebreak.chain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.firebreak.shared.InvalidConfiguration;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What the block follower stored, for other modules (detection's rules) and the API. Events are those of the chain
 * in the profile in force ({@link ChainEvent} names the event kinds and field formats); times are block times.
 * To act on new events as they are committed, listen for {@link BlocksFollowed} and read {@link #inBlocks}.
 */
@Service
public class ChainEvents {

    private final FollowerStore store;
    private final BlockFollower follower;
    private final ChainProfiles profiles;
    private final OwnTransactions own;

    ChainEvents(FollowerStore store, BlockFollower follower, ChainProfiles profiles, OwnTransactions own) {
        this.store = store;
        this.follower = follower;
        this.profiles = profiles;
        this.own = own;
    }

    /**
     * Which of these transactions Firebreak itself signed (its guardian's pause or unpause), lowercase: the events
     * they caused are its own response, not an alarm.
     */
    public Set<String> sentByFirebreak(Collection<String> txHashes) {
        return own.among(txHashes);
    }

    /** Events named {@code name} whose block time is in [from, to], oldest first, at most {@code limit}. */
    public List<ChainEvent> between(String name, Instant fromInclusive, Instant toInclusive, int limit) {
        return store.between(chainId(), name, fromInclusive, toInclusive, limit);
    }

    /** How many events named {@code name} have a block time in [from, to]. */
    public long count(String name, Instant from, Instant to) {
        return count(name, from, to, Map.of());
    }

    /**
     * How many events named {@code name} in [from, to] have all of the given field values, e.g.
     * {@code count("UserOperationEvent", from, to, Map.of("success", "false"))} for failed user operations.
     */
    public long count(String name, Instant from, Instant to, Map<String, String> fieldsEqual) {
        return store.count(chainId(), name, from, to, fieldsEqual);
    }

    /** The most recent event named {@code name}. */
    public Optional<ChainEvent> latest(String name) {
        return store.latest(chainId(), name);
    }

    /** Every event of blocks {@code fromBlock}..{@code toBlock} (as a {@link BlocksFollowed} names them), in chain order. */
    public List<ChainEvent> inBlocks(long fromBlock, long toBlock) {
        return store.inBlocks(chainId(), fromBlock, toBlock);
    }

    /** The last followed block, empty before the follower committed its first batch. */
    public Optional<FollowerPosition> position() {
        Long chainId = chainId();
        return (chainId == null ? store.latestCursor() : store.cursor(chainId)).map(FollowerStore.Cursor::position);
    }

    /** The follower at a glance: position, head and lag, reorgs, the eth_getLogs range and the last error. */
    public FollowerStatus status() {
        Long chainId = chainId();
        BlockFollower.State state = follower.state();
        FollowerPosition position = position().orElse(null);
        Long head = state.head() != null ? state.head() : position == null ? null : position.head();
        Long lag = head == null || position == null ? null : Math.max(0, head - position.block());
        FollowerStore.Reorgs reorgs = store.reorgs(chainId);
        int confirmations = currentProfile().map(p -> p.follow().confirmations()).orElse(0);
        return new FollowerStatus(chainId != null, position, head, lag, confirmations, state.logRange(), reorgs.count(),
                reorgs.last(), store.countAll(chainId), state.lastError(), state.lastErrorAt());
    }

    private @Nullable Long chainId() {
        return currentProfile().map(ChainProfile::chainId).orElse(null);
    }

    private Optional<ChainProfile> currentProfile() {
        try {
            return profiles.current();
        } catch (InvalidConfiguration e) {
            return Optional.empty();
        }
    }
}
