package org.firebreak.shared.scheduling;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.exceptions.SerializationException;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.stats.MicrometerStatsRegistry;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ConfigurableObjectInputStream;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * One db-scheduler {@link Scheduler} per process, over the application's store (table {@code scheduled_tasks},
 * migration in {@code db/migration/shared}), with every {@link Task} bean of the context. Replicas on one database
 * share the table: each due execution is claimed by exactly one of them, and an execution whose process died is
 * taken over by another once its heartbeats stop: within {@link SchedulerSettings#takeoverWithin()} (6.5 s with the
 * defaults: 4 missed heartbeats of 1 s, a look for dead executions every 2 s, a 500 ms poll; docs/operations-ha.md).
 *
 * <p>How a module uses it: declare the task as a bean, nothing else.
 * <pre>{@code
 * @Bean
 * RecurringTask<Void> chainFollower(BlockFollower follower) {          // runs on a schedule, from start-up on
 *     return Tasks.recurring("chain-follower", FixedDelay.ofSeconds(1)).execute((instance, context) -> follower.run());
 * }
 *
 * @Bean
 * OneTimeTask<EscalationStep> escalate(Escalations escalations) {      // runs once per scheduled instance
 *     return Tasks.oneTime("escalate", EscalationStep.class).execute((instance, context) -> escalations.fire(instance.getData()));
 * }
 * // and, to schedule one, inject SchedulerClient (the Scheduler bean is one):
 * scheduler.schedule(escalate.instance("INC-7/level-2", new EscalationStep(...)), clock.instant().plus(timeout));
 * }</pre>
 * Recurring tasks (and any other {@link OnStartup} task) are registered when the scheduler starts; one-time task
 * instances live in the table until they ran. Task data is stored with Java serialization: make it a
 * {@link java.io.Serializable} record and keep its class name stable while instances may be pending.
 *
 * <p>The store is reached through a {@link TransactionAwareDataSourceProxy}: scheduling a task inside a Spring
 * transaction (say, the one that opens an incident) commits or rolls back with it. The scheduler starts once the
 * context is ready and stops first on shutdown, waiting up to {@code shutdown-max-wait} for running executions.
 * Its due times run on the system clock: they coordinate replicas through the database, and a test's frozen
 * {@link java.time.Clock} must not stop them. With {@code firebreak.scheduler.enabled=false} (tests) the scheduler
 * is built, so tasks can be scheduled, but never runs them.
 */
@Configuration(proxyBeanMethods = false)
public class SchedulingConfiguration {

    @Bean
    Scheduler scheduler(DataSource dataSource, ObjectProvider<Task<?>> taskBeans, SchedulerSettings settings,
            ObjectProvider<MeterRegistry> meters) {
        List<Task<?>> tasks = taskBeans.orderedStream().toList();
        SchedulerBuilder builder = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource),
                        tasks.stream().filter(task -> !(task instanceof OnStartup)).toList())
                .startTasks(startupTasks(tasks))
                .schedulerName(new SchedulerName.Fixed(new SchedulerName.Hostname().getName() + "-"
                        + ProcessHandle.current().pid()))
                .pollingInterval(settings.pollingInterval())
                .threads(settings.threads())
                .heartbeatInterval(settings.heartbeatInterval())
                .missedHeartbeatsLimit(settings.missedHeartbeats())
                .shutdownMaxWait(settings.shutdownMaxWait())
                .serializer(new ApplicationClassesSerializer())
                .enableImmediateExecution();
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            builder.statsRegistry(new MicrometerStatsRegistry(registry, tasks));
        }
        return builder.build();
    }

    @Bean
    SchedulerLifecycle schedulerLifecycle(Scheduler scheduler, SchedulerSettings settings) {
        return new SchedulerLifecycle(scheduler, settings.enabled());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Task<?> & OnStartup> List<T> startupTasks(List<Task<?>> tasks) {
        return tasks.stream().filter(task -> task instanceof OnStartup).map(task -> (T) task).toList();
    }

    /** Starts the scheduler when the context is ready and stops it before anything else on shutdown. */
    static final class SchedulerLifecycle implements SmartLifecycle {

        private final Scheduler scheduler;
        private final boolean enabled;
        private volatile boolean running;

        SchedulerLifecycle(Scheduler scheduler, boolean enabled) {
            this.scheduler = scheduler;
            this.enabled = enabled;
        }

        @Override
        public boolean isAutoStartup() {
            return enabled;
        }

        @Override
        public void start() {
            scheduler.start();
            running = true;
        }

        @Override
        public void stop() {
            running = false;
            scheduler.stop();
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }

    /** Java serialization that resolves classes through the application's class loader, wherever it runs from. */
    static final class ApplicationClassesSerializer implements Serializer {

        @Override
        public byte[] serialize(Object data) {
            try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(data);
                out.flush();
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new SerializationException("cannot serialize task data of " + data.getClass().getName(), e);
            }
        }

        @Override
        public <T> T deserialize(Class<T> type, byte[] data) {
            try (ObjectInputStream in = new ConfigurableObjectInputStream(new ByteArrayInputStream(data),
                    SchedulingConfiguration.class.getClassLoader())) {
                return type.cast(in.readObject());
            } catch (IOException | ClassNotFoundException e) {
                throw new SerializationException("cannot deserialize task data as " + type.getName(), e);
            }
        }
    }
}
