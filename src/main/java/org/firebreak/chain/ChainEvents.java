package org.firebreak.chain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.firebreak.shared.InvalidConfiguration;
import org.firebreak.shared.scheduling.ScheduledWork;
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
    private final EndpointHealth health;
    private final ScheduledWork work;
    private final Clock clock;

    ChainEvents(FollowerStore store, BlockFollower follower, ChainProfiles profiles, OwnTransactions own,
            EndpointHealth health, ScheduledWork work, Clock clock) {
        this.store = store;
        this.follower = follower;
        this.profiles = profiles;
        this.own = own;
        this.health = health;
        this.work = work;
        this.clock = clock;
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

    /**
     * The follower at a glance: position, head and lag, reorgs, the eth_getLogs range, the last error, and the time
     * since the follower (on whichever replica runs it) last made progress, with whether it stalled. Any replica
     * answers the same: the head is the newest any source here knows (this process's follower and endpoint probes,
     * the one stored by the follower), so a survivor whose follower never ran does not report lag 0 while the
     * follower's own replica is dead.
     */
    public FollowerStatus status() {
        Optional<ChainProfile> profile = currentProfile();
        Long chainId = profile.map(ChainProfile::chainId).orElse(null);
        BlockFollower.State state = follower.state();
        Optional<FollowerStore.Cursor> cursor = chainId == null ? store.latestCursor() : store.cursor(chainId);
        FollowerPosition position = cursor.map(FollowerStore.Cursor::position).orElse(null);
        Long head = newest(state.head(), cursor.map(FollowerStore.Cursor::head).orElse(null),
                cursor.map(FollowerStore.Cursor::checkedHead).orElse(null), profile.map(this::probedHead).orElse(null));
        Long lag = head == null || position == null ? null : Math.max(0, head - position.block());
        FollowerStore.Reorgs reorgs = store.reorgs(chainId);
        int confirmations = profile.map(p -> p.follow().confirmations()).orElse(0);
        Duration stalledAfter = FollowerStatus.stalledAfter(
                profile.map(p -> p.follow().pollInterval()).orElse(FollowerTask.WITHOUT_PROFILE));
        Instant progressAt = cursor.map(FollowerStore.Cursor::progressAt).orElse(null);
        Duration since = progressAt == null ? null : Duration.between(progressAt, clock.instant());
        Optional<ScheduledWork.Running> running = work.runningNow(FollowerTask.NAME);
        boolean stalled = chainId != null && (since != null && since.compareTo(stalledAfter) > 0
                || running.map(ScheduledWork.Running::silent).orElse(false));
        return new FollowerStatus(chainId != null, position, head, lag, confirmations, state.logRange(), reorgs.count(),
                reorgs.last(), store.countAll(chainId), state.lastError(), state.lastErrorAt(), progressAt,
                since == null ? null : seconds(since), stalled, seconds(stalledAfter),
                running.map(ScheduledWork.Running::replica).orElse(null),
                running.map(r -> seconds(r.sinceHeartbeat())).orElse(null));
    }

    /** The highest head this process's probes saw answering on the profile's chain. */
    private @Nullable Long probedHead(ChainProfile profile) {
        return health.states(profile).stream().filter(s -> s.usable() && s.head() != null)
                .map(EndpointHealth.EndpointState::head).max(Long::compare).orElse(null);
    }

    private static @Nullable Long newest(@Nullable Long... heads) {
        Long newest = null;
        for (Long head : heads) {
            if (head != null && (newest == null || head > newest)) {
                newest = head;
            }
        }
        return newest;
    }

    /** Seconds to a tenth. */
    private static double seconds(Duration duration) {
        return Math.max(0, duration.toMillis() / 100) / 10.0;
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
