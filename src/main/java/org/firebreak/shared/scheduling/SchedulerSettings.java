package org.firebreak.shared.scheduling;

import java.time.Duration;

import org.firebreak.shared.ConfigProblem;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The db-scheduler settings ({@code firebreak.scheduler.*}).
 *
 * @param enabled whether this process runs due tasks; false (the integration tests' default) still lets code
 *        schedule tasks into the table, and tests call the work behind a task directly
 * @param pollingInterval how often the table is checked for due executions; a task's effective period is never
 *        shorter than this
 * @param threads executions that may run at once in this process
 * @param heartbeatInterval how often a running execution proves it is alive (and how often, times two, each process
 *        looks for executions whose process died)
 * @param missedHeartbeats how many heartbeats an execution may miss before another replica takes it over; at least
 *        {@value #MIN_MISSED_HEARTBEATS} (db-scheduler's floor)
 * @param shutdownMaxWait how long shutting down waits for running executions to finish
 */
@ConfigurationProperties("firebreak.scheduler")
public record SchedulerSettings(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration pollingInterval,
        @DefaultValue("4") int threads, @DefaultValue("1s") Duration heartbeatInterval,
        @DefaultValue("4") int missedHeartbeats, @DefaultValue("10s") Duration shutdownMaxWait) {

    static final int MIN_MISSED_HEARTBEATS = 4;

    public SchedulerSettings {
        if (pollingInterval.isNegative() || pollingInterval.isZero()) {
            throw new ConfigProblem("pollingInterval", "must be positive, e.g. 1s");
        }
        if (threads < 1) {
            throw new ConfigProblem("threads", "must be at least 1");
        }
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new ConfigProblem("heartbeatInterval", "must be positive, e.g. 1s");
        }
        if (missedHeartbeats < MIN_MISSED_HEARTBEATS) {
            throw new ConfigProblem("missedHeartbeats", "must be at least " + MIN_MISSED_HEARTBEATS);
        }
    }

    /**
     * The longest scheduled work stands still after its process dies, until another replica runs it: the heartbeats
     * it may miss, plus one look for dead executions (every two heartbeats), plus one poll.
     */
    public Duration takeoverWithin() {
        return heartbeatInterval.multipliedBy(missedHeartbeats + 2L).plus(pollingInterval);
    }
}
