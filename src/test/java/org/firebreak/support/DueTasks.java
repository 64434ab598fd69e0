package org.firebreak.support;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Runs the db-scheduler executions that are due by the test's {@link MutableClock}, on the calling thread, through
 * db-scheduler's own pick, execute and complete path ({@link ManualScheduler}, whose clock here is the test's clock).
 * The application's scheduler stays off ({@code firebreak.scheduler.enabled=false}); code under test schedules into
 * {@code scheduled_tasks} as it does in production, and a test moves the clock and calls {@link #run()}:
 *
 * <pre>{@code
 * @FirebreakIntegrationTest
 * @Import(DueTasks.Configuration.class)
 * class EscalationTests {
 *     @DynamicPropertySource static void schema(DynamicPropertyRegistry r) { OwnSchema.register(r); }  // PostgreSQL run
 *     ...
 *     clock.advance(Duration.ofMinutes(5));
 *     dueTasks.run();    // every execution due by now has run, or failed, when this returns
 * }</pre>
 * On the PostgreSQL run every context shares one database: a context using this registers {@link OwnSchema}, or it
 * would run other contexts' due executions.
 */
public final class DueTasks {

    private final ManualScheduler scheduler;

    public DueTasks(DataSource dataSource, List<Task<?>> tasks, MutableClock clock) {
        SettableClock testClock = new SettableClock() {
            @Override
            public Instant now() {
                return clock.instant();
            }
        };
        this.scheduler = TestHelper.createManualScheduler(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .clock(testClock).build();
    }

    /** Runs every execution due by the test clock, one after another, before returning. */
    public void run() {
        scheduler.runAnyDueExecutions();
    }

    /**
     * For a context whose application scheduler runs ({@code firebreak.scheduler.enabled=true}): the executions of
     * {@code task} due by the test's clock are moved to the system clock's now, and the running scheduler picks them
     * up at its next poll. Returns how many were moved.
     */
    public static int runDue(SchedulerClient scheduler, Clock clock, String task) {
        int moved = 0;
        for (ScheduledExecution<Object> execution : scheduler.getScheduledExecutionsForTask(task)) {
            if (!execution.isPicked() && !execution.getExecutionTime().isAfter(clock.instant())) {
                scheduler.reschedule(execution.getTaskInstance(), Instant.now());
                moved++;
            }
        }
        return moved;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        DueTasks dueTasks(DataSource dataSource, List<Task<?>> tasks, MutableClock clock) {
            return new DueTasks(dataSource, tasks, clock);
        }
    }
}
