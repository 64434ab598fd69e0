package org.firebreak.shared.scheduling;

import static org.firebreak.shared.Sql.instantOrNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who runs a recurring task now, read from {@code scheduled_tasks}, so that any replica can tell work that goes on
 * elsewhere from work whose replica went silent (died, or hangs) and that waits to be taken over.
 */
@Component
public class ScheduledWork {

    private final JdbcClient jdbc;
    private final SchedulerSettings settings;

    ScheduledWork(JdbcClient jdbc, SchedulerSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * A running execution: the replica's scheduler name ({@code <host>-<pid>}), and how long since its last
     * heartbeat (on the system clock, as db-scheduler writes it).
     */
    public record Running(String replica, Duration sinceHeartbeat, boolean silent) {
    }

    /** The recurring task's execution while a replica runs it; empty between runs. */
    public Optional<Running> runningNow(String recurringTask) {
        Instant now = Instant.now();
        return jdbc.sql("""
                select picked_by, last_heartbeat from scheduled_tasks
                where task_name = :name and task_instance = 'recurring' and picked""")
                .param("name", recurringTask)
                .query((rs, row) -> running(rs.getString("picked_by"), instantOrNull(rs, "last_heartbeat"), now))
                .optional();
    }

    private Running running(@Nullable String replica, @Nullable Instant heartbeat, Instant now) {
        Duration since = heartbeat == null ? Duration.ZERO : Duration.between(heartbeat, now);
        return new Running(replica == null ? "unknown" : replica, since.isNegative() ? Duration.ZERO : since,
                since.compareTo(silentAfter()) > 0);
    }

    /**
     * Two and a half heartbeat intervals without one: a heartbeat is late, well before the execution counts as dead
     * and is taken over ({@link SchedulerSettings#takeoverWithin()}).
     */
    public Duration silentAfter() {
        return settings.heartbeatInterval().multipliedBy(5).dividedBy(2);
    }
}
