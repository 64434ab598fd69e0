package org.firebreak.chain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.firebreak.chain.ChainProfile.RpcEndpoint;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Each RPC endpoint's health, the one place that holds it: the chain id and head it last answered the probe with,
 * whether its last call failed, and how often its rate limit refused a call. {@link ChainClient} routes every read by
 * it; the {@link EndpointProber} and the RPC status diagnostic feed it probes, and every call feeds it its outcome.
 * <p>
 * An endpoint is judged against the profile in force: {@link Condition#WRONG_CHAIN} when it answered another chain
 * id (never read from again until a probe sees the right one), {@link Condition#DOWN} when its last probe or call
 * failed (until a probe answers), {@link Condition#BEHIND} when syncing or more than {@code thresholds.maxHeadLag}
 * blocks behind the best endpoint (read from only when no endpoint is healthy), otherwise
 * {@link Condition#HEALTHY}. Reads go to the healthy endpoints in the profile's order, so the primary is used again
 * as soon as a probe finds it healthy.
 */
@Component
class EndpointHealth {

    /** How an endpoint stands, best first. */
    enum Condition {
        HEALTHY, BEHIND, DOWN, WRONG_CHAIN, UNKNOWN
    }

    /** One endpoint as judged against the profile: what was last seen of it, and what that makes it. */
    record EndpointState(RpcEndpoint endpoint, Condition condition, @Nullable Long chainId, @Nullable Long head,
            long lag, int failures, @Nullable String lastError, long rateLimited, @Nullable Instant probedAt) {

        /** The order reads try usable endpoints in: healthy ones in the profile's order, then the least behind. */
        static final Comparator<EndpointState> READ_ORDER = Comparator.comparing(EndpointState::condition)
                .thenComparingLong(EndpointState::lag);

        /** Healthy, or behind yet on the right chain and answering: a read may go to it. */
        boolean usable() {
            return condition == Condition.HEALTHY || condition == Condition.BEHIND;
        }

        /** One line, e.g. "primary (http://…): wrong chain (answers chain id 1, expected 138)". */
        String describe(ChainProfile profile) {
            return endpoint.name() + " (" + endpoint.url() + "): " + switch (condition) {
                case HEALTHY -> "healthy at block " + head;
                case BEHIND -> "behind (block " + head + ", " + lag + " behind the best endpoint)";
                case DOWN -> "down (" + lastError + ")";
                case WRONG_CHAIN -> "wrong chain (answers chain id " + chainId + ", expected " + profile.chainId() + ")";
                case UNKNOWN -> "not probed yet";
            };
        }
    }

    private final Clock clock;
    private final Duration interval;
    private final Map<RpcEndpoint, Seen> seen = new ConcurrentHashMap<>();

    EndpointHealth(ChainSettings settings, Clock clock) {
        this.clock = clock;
        this.interval = settings.probeInterval();
    }

    /** A probe gives up after the profile's RPC timeout, or half the interval when that is shorter. */
    Duration probeTimeout(ChainProfile profile) {
        Duration half = interval.dividedBy(2);
        return profile.thresholds().rpcTimeout().compareTo(half) < 0 ? profile.thresholds().rpcTimeout() : half;
    }

    /** How often the prober looks for endpoints due: a tenth of the interval, within 50 ms and 1 s. */
    Duration tick() {
        return Duration.ofMillis(Math.clamp(interval.toMillis() / 10, 50, 1000));
    }

    /**
     * The endpoints whose verdict could be older than the interval by the time the next tick's probe gives up: a
     * probe starts every interval minus the probe timeout and a tick, so a verdict is never older than one interval.
     */
    List<RpcEndpoint> due(ChainProfile profile) {
        long cadence = interval.minus(probeTimeout(profile)).minus(tick()).toNanos();
        long now = System.nanoTime();
        return profile.rpc().stream().filter(e -> seen(e).dueAt(now, cadence)).toList();
    }

    /** The endpoints no probe was ever sent to: nothing is known of their chain id yet. */
    List<RpcEndpoint> neverProbed(ChainProfile profile) {
        return profile.rpc().stream().filter(e -> seen(e).neverProbed()).toList();
    }

    /** Every endpoint of the profile that did not answer a wrong chain id (the ones worth probing again now). */
    List<RpcEndpoint> notWrongChain(ChainProfile profile) {
        return states(profile).stream().filter(s -> s.condition() != Condition.WRONG_CHAIN).map(EndpointState::endpoint)
                .toList();
    }

    /**
     * Where reads may go, in the order to try them: the healthy endpoints in the profile's order, then the ones behind
     * (least behind first). Never an endpoint on another chain, down, or not probed yet.
     */
    List<RpcEndpoint> usable(ChainProfile profile) {
        return states(profile).stream().filter(EndpointState::usable).sorted(EndpointState.READ_ORDER)
                .map(EndpointState::endpoint).toList();
    }

    /** The name of the endpoint the next read goes to, or "none". */
    String readsGoTo(ChainProfile profile) {
        List<RpcEndpoint> usable = usable(profile);
        return usable.isEmpty() ? "none" : usable.getFirst().name();
    }

    /** Every endpoint of the profile as judged now, in the profile's order. */
    List<EndpointState> states(ChainProfile profile) {
        List<Seen.Snapshot> snapshots = profile.rpc().stream().map(e -> seen(e).snapshot()).toList();
        long best = snapshots.stream().filter(s -> s.answering() && Objects.equals(s.chainId(), profile.chainId())
                && s.head() != null).mapToLong(s -> Objects.requireNonNull(s.head())).max().orElse(0);
        return profile.rpc().stream().map(e -> {
            Seen.Snapshot s = snapshots.get(profile.rpc().indexOf(e));
            long lag = s.head() == null ? 0 : Math.max(0, best - s.head());
            return new EndpointState(e, condition(profile, s, lag), s.chainId(), s.head(), lag, s.failures(),
                    s.lastError(), s.rateLimited(), s.probedAt());
        }).toList();
    }

    private static Condition condition(ChainProfile profile, Seen.Snapshot s, long lag) {
        if (s.chainId() == null) {
            return s.failures() > 0 ? Condition.DOWN : Condition.UNKNOWN;
        }
        if (s.chainId() != profile.chainId()) {
            return Condition.WRONG_CHAIN;
        }
        if (!s.answering()) {
            return Condition.DOWN;
        }
        return s.syncing() || lag > profile.thresholds().maxHeadLag() ? Condition.BEHIND : Condition.HEALTHY;
    }

    void probing(RpcEndpoint endpoint) {
        seen(endpoint).probing(System.nanoTime());
    }

    void probed(EndpointProbe probe) {
        seen(probe.endpoint()).probed(probe, clock.instant());
    }

    /** A call or probe that got no usable answer: the endpoint is down until a probe answers. */
    void failed(RpcEndpoint endpoint, String error) {
        seen(endpoint).failed(error);
    }

    /** A call that was answered. */
    void answered(RpcEndpoint endpoint) {
        seen(endpoint).answered();
    }

    /** The endpoint's rate limit refused a call: it is alive, the call went elsewhere. */
    void rateLimited(RpcEndpoint endpoint) {
        seen(endpoint).rateLimited();
    }

    private Seen seen(RpcEndpoint endpoint) {
        return seen.computeIfAbsent(endpoint, e -> new Seen());
    }

    /** What was last seen of one endpoint, whatever the profile expects. */
    private static final class Seen {

        record Snapshot(@Nullable Long chainId, @Nullable Long head, boolean syncing, boolean answering, int failures,
                @Nullable String lastError, long rateLimited, @Nullable Instant probedAt) {
        }

        private @Nullable Long chainId;
        private @Nullable Long head;
        private boolean syncing;
        private boolean answering;
        private int failures;
        private @Nullable String lastError;
        private long rateLimited;
        private @Nullable Instant probedAt;
        private long probeStartedNanos;
        private boolean probeStarted;

        synchronized Snapshot snapshot() {
            return new Snapshot(chainId, head, syncing, answering, failures, lastError, rateLimited, probedAt);
        }

        synchronized boolean dueAt(long nowNanos, long cadenceNanos) {
            return !probeStarted || nowNanos - probeStartedNanos >= cadenceNanos;
        }

        synchronized boolean neverProbed() {
            return !probeStarted;
        }

        synchronized void probing(long nowNanos) {
            probeStarted = true;
            probeStartedNanos = nowNanos;
        }

        synchronized void probed(EndpointProbe probe, Instant at) {
            chainId = probe.chainId();
            head = probe.head();
            syncing = probe.syncing();
            probedAt = at;
            answered();
        }

        synchronized void failed(String error) {
            answering = false;
            failures++;
            lastError = error;
        }

        synchronized void answered() {
            answering = true;
            failures = 0;
        }

        synchronized void rateLimited() {
            rateLimited++;
        }
    }
}
