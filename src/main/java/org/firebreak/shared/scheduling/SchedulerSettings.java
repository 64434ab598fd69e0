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
 * @param heartbeatInterval how often a running execution proves it is alive; one whose process died is taken over
 *        by another replica after {@value #MISSED_HEARTBEATS} missed heartbeats
 * @param shutdownMaxWait how long shutting down waits for running executions to finish
 */
@ConfigurationProperties("firebreak.scheduler")
public record SchedulerSettings(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration pollingInterval,
        @DefaultValue("4") int threads, @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("10s") Duration shutdownMaxWait) {

    static final int MISSED_HEARTBEATS = 6;

    public SchedulerSettings {
        if (pollingInterval.isNegative() || pollingInterval.isZero()) {
            throw new ConfigProblem("pollingInterval", "must be positive, e.g. 1s");
        }
        if (threads < 1) {
            throw new ConfigProblem("threads", "must be at least 1");
        }
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new ConfigProblem("heartbeatInterval", "must be positive, e.g. 10s");
        }
    }
}
