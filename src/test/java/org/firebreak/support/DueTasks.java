package org.firebreak.support;

import java.time.Clock;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;

/**
 * Runs the executions of a task that are due by a test's {@link MutableClock}, set to the system's now when the test
 * began: they are moved to the system clock's now, and the running scheduler (firebreak.scheduler.enabled=true)
 * picks them up at its next poll. Timers of minutes are so driven without real waiting.
 */
public final class DueTasks {

    private DueTasks() {
    }

    /** How many executions of {@code task} were due by {@code clock} and are now set to run. */
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
}
