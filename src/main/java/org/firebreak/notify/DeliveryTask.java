package org.firebreak.notify;

import java.time.Instant;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The persistent side of delivery: one db-scheduler execution per unsettled delivery ({@value #NAME}, instance id =
 * the delivery's id). It is scheduled when the delivery is stored, due once the first attempt's lease has run out;
 * a retry moves it to the end of the backoff; a settled delivery removes it. When it runs it makes the next attempt
 * and reschedules itself through its completion handler, so retries survive restarts and run on one replica.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryTask {

    static final String NAME = "notify-delivery";
    static final TaskDescriptor<Void> TASK = TaskDescriptor.of(NAME);

    @Bean
    CustomTask<Void> notifyDelivery(@Lazy Deliveries deliveries) {
        return Tasks.custom(TASK).execute((instance, context) -> {
            @Nullable Instant next = deliveries.attemptScheduled(Long.parseLong(instance.getId()));
            return (complete, operations) -> {
                if (next == null) {
                    operations.remove();
                } else {
                    operations.reschedule(complete, next);
                }
            };
        });
    }

    @Bean
    Schedule deliverySchedule(ObjectProvider<SchedulerClient> scheduler) {
        return new Schedule(scheduler);
    }

    /** Moves a delivery's execution; inside a transaction the change commits with it. */
    static final class Schedule {

        private final ObjectProvider<SchedulerClient> scheduler;

        Schedule(ObjectProvider<SchedulerClient> scheduler) {
            this.scheduler = scheduler;
        }

        void fallback(long delivery, Instant at) {
            scheduler.getObject().schedule(TASK.instance(String.valueOf(delivery)).scheduledTo(at),
                    ScheduleOptions.WHEN_EXISTS_DO_NOTHING);
        }

        void at(long delivery, Instant at) {
            scheduler.getObject().schedule(TASK.instance(String.valueOf(delivery)).scheduledTo(at),
                    ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
        }

        /** Removes the execution; one that is running right now settles itself when it finds the delivery done. */
        void cancel(long delivery) {
            try {
                scheduler.getObject().cancel(TaskInstanceId.of(NAME, String.valueOf(delivery)));
            } catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException e) {
                // Nothing to remove, or the execution will see the settled delivery and remove itself.
            }
        }
    }
}
