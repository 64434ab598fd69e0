package org.firebreak.chain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.firebreak.shared.InvalidConfiguration;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The chain's metrics from the followed events, on {@code /actuator/prometheus}. Counters move only after a batch's
 * transaction committed, so a batch that is rolled back and read again never counts twice; the recent-failure gauges
 * are counted from the stored events at each scrape, so they survive a restart.
 *
 * <table>
 * <caption>Metrics (Prometheus names)</caption>
 * <tr><td>{@code firebreak_chain_account_creations_total}</td><td>AccountDeployed events</td></tr>
 * <tr><td>{@code firebreak_chain_user_operations_total{outcome="success|failed"}}</td><td>UserOperationEvents by success</td></tr>
 * <tr><td>{@code firebreak_chain_user_operation_gas_used}</td><td>actualGasUsed per operation (summary, SLO buckets)</td></tr>
 * <tr><td>{@code firebreak_chain_user_operations_failed_5m}</td><td>failed operations in the last 5 minutes</td></tr>
 * <tr><td>{@code firebreak_chain_user_operation_failure_ratio}</td><td>failed / all operations in the last 5 minutes</td></tr>
 * <tr><td>{@code firebreak_chain_delegation_redemptions_total{outcome="success|failed"}}</td><td>RedeemedDelegation
 * events / reverted redeemDelegations transactions</td></tr>
 * <tr><td>{@code firebreak_chain_follower_lag_blocks}</td><td>head minus the last followed block</td></tr>
 * <tr><td>{@code firebreak_chain_follower_block}</td><td>the last followed block</td></tr>
 * <tr><td>{@code firebreak_chain_follower_since_progress_seconds}</td><td>seconds since the follower, on whichever
 * replica, last made its round (from the store, at each scrape)</td></tr>
 * <tr><td>{@code firebreak_chain_follower_reorgs_total}</td><td>reorgs undone</td></tr>
 * <tr><td>{@code firebreak_chain_follower_range_refusals_total}</td><td>eth_getLogs ranges the node refused</td></tr>
 * </table>
 */
@Component
class FollowerMetrics {

    static final Duration RECENT = Duration.ofMinutes(5);
    static final String USER_OPERATION = "UserOperationEvent";

    private final FollowerStore store;
    private final ChainProfiles profiles;
    private final Clock clock;
    private final Counter accountCreations;
    private final Counter operationsSucceeded;
    private final Counter operationsFailed;
    private final DistributionSummary gasUsed;
    private final Counter redemptionsSucceeded;
    private final Counter redemptionsFailed;
    private final Counter reorgs;
    private final Counter rangeRefusals;
    private final AtomicLong followed = new AtomicLong(-1);
    private final AtomicLong head = new AtomicLong(-1);

    FollowerMetrics(MeterRegistry registry, FollowerStore store, ChainProfiles profiles, Clock clock) {
        this.store = store;
        this.profiles = profiles;
        this.clock = clock;
        accountCreations = Counter.builder("firebreak.chain.account.creations")
                .description("Smart accounts deployed through the EntryPoint (AccountDeployed)").register(registry);
        operationsSucceeded = operations(registry, "success");
        operationsFailed = operations(registry, "failed");
        gasUsed = DistributionSummary.builder("firebreak.chain.user.operation.gas.used")
                .description("Gas used per user operation (UserOperationEvent.actualGasUsed)")
                .serviceLevelObjectives(100_000, 250_000, 500_000, 1_000_000, 2_000_000).register(registry);
        redemptionsSucceeded = redemptions(registry, "success");
        redemptionsFailed = redemptions(registry, "failed");
        reorgs = Counter.builder("firebreak.chain.follower.reorgs").description("Reorgs the block follower undid")
                .register(registry);
        rangeRefusals = Counter.builder("firebreak.chain.follower.range.refusals")
                .description("eth_getLogs ranges the node refused (the follower halved the range)").register(registry);
        Gauge.builder("firebreak.chain.user.operations.failed.5m", this, m -> m.recentOperations(true))
                .description("Failed user operations in the last 5 minutes (from the stored events)").register(registry);
        Gauge.builder("firebreak.chain.user.operation.failure.ratio", this, FollowerMetrics::recentFailureRatio)
                .description("Failed / all user operations in the last 5 minutes; 0 when there were none").register(registry);
        Gauge.builder("firebreak.chain.follower.lag", this, m -> m.followed.get() < 0 ? Double.NaN
                        : m.head.get() - m.followed.get())
                .description("Blocks between the chain head and the last followed block").baseUnit("blocks").register(registry);
        Gauge.builder("firebreak.chain.follower.block", followed, AtomicLong::get)
                .description("The last block the follower followed").register(registry);
        Gauge.builder("firebreak.chain.follower.since.progress", this, FollowerMetrics::sinceProgress)
                .description("Seconds since the block follower, on whichever replica, last made its round")
                .baseUnit("seconds").register(registry);
    }

    private static Counter operations(MeterRegistry registry, String outcome) {
        return Counter.builder("firebreak.chain.user.operations").tag("outcome", outcome)
                .description("User operations the EntryPoint handled (UserOperationEvent), by outcome").register(registry);
    }

    private static Counter redemptions(MeterRegistry registry, String outcome) {
        return Counter.builder("firebreak.chain.delegation.redemptions").tag("outcome", outcome)
                .description("Delegation redemptions: RedeemedDelegation events, or reverted redeemDelegations "
                        + "transactions to the DelegationManager").register(registry);
    }

    /** Counts a committed batch's events. */
    void committed(List<ChainEvent> events) {
        for (ChainEvent event : events) {
            switch (event.name()) {
                case "AccountDeployed" -> accountCreations.increment();
                case USER_OPERATION -> {
                    ("true".equals(event.fields().get("success")) ? operationsSucceeded : operationsFailed).increment();
                    String gas = event.fields().get("actualGasUsed");
                    if (gas != null) {
                        gasUsed.record(Double.parseDouble(gas));
                    }
                }
                case "RedeemedDelegation" -> redemptionsSucceeded.increment();
                case StackEvents.REDEMPTION_FAILED -> redemptionsFailed.increment();
                default -> { }
            }
        }
    }

    void position(long followedBlock, long headBlock) {
        followed.set(followedBlock);
        head.set(headBlock);
    }

    void reorganized() {
        reorgs.increment();
    }

    void rangeRefused() {
        rangeRefusals.increment();
    }

    private double recentOperations(boolean failedOnly) {
        Instant now = clock.instant();
        try {
            return store.count(chainId(), USER_OPERATION, now.minus(RECENT), now,
                    failedOnly ? Map.of("success", "false") : Map.of());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private double sinceProgress() {
        Long chainId = chainId();
        try {
            return (chainId == null ? store.latestCursor() : store.cursor(chainId))
                    .map(c -> Duration.between(c.progressAt(), clock.instant()).toMillis() / 1000.0).orElse(Double.NaN);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private double recentFailureRatio() {
        double all = recentOperations(false);
        return all == 0 ? 0 : recentOperations(true) / all;
    }

    private @Nullable Long chainId() {
        try {
            return profiles.current().map(ChainProfile::chainId).orElse(null);
        } catch (InvalidConfiguration e) {
            return null;
        }
    }
}
