package org.firebreak.shared.scheduling;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A one-time task whose work and whose completion commit together: exactly once, even across {@code kill -9}.
 *
 * <p>db-scheduler completes an execution (deletes its row) in a statement of its own <em>after</em> the handler
 * returns, so a handler that commits its work and then dies leaves the row behind, and the execution runs again
 * once its heartbeats stop. The {@code TransactionAwareDataSourceProxy} lets {@code schedule}, {@code reschedule}
 * and {@code cancel} join a Spring transaction, but not that completion. This task therefore deletes its own row
 * (the picked version, so an execution another replica has taken over is left to that replica) inside the
 * transaction that does the work, and tells db-scheduler there is nothing left to complete. Either all of it
 * commits, or none of it and the execution stays due.
 *
 * <p>Subclasses implement {@link #executeInTransaction}; anything it schedules through the {@code SchedulerClient}
 * commits with it. A failure rolls back and is retried after {@link #RETRY_AFTER}.
 *
 * @param <T> the task data: a {@link java.io.Serializable} record whose class name stays stable
 */
public abstract class TransactionalOneTimeTask<T> extends OneTimeTask<T> {

    /** How long a failed execution waits before it runs again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final TransactionTemplate tx;
    private final JdbcClient jdbc;

    protected TransactionalOneTimeTask(String name, Class<T> dataClass, TransactionTemplate tx, JdbcClient jdbc) {
        super(name, dataClass, new FailureHandler.OnFailureRetryLater<>(RETRY_AFTER),
                new DeadExecutionHandler.ReviveDeadExecution<>());
        this.tx = tx;
        this.jdbc = jdbc;
    }

    @Override
    public final CompletionHandler<T> execute(TaskInstance<T> instance, ExecutionContext context) {
        tx.executeWithoutResult(status -> {
            if (removeOwnExecution(context.getExecution())) {
                executeInTransaction(instance.getData(), context);
            }
        });
        // The row went (or stayed) with the transaction: nothing for db-scheduler to complete.
        return (complete, operations) -> {
        };
    }

    @Override
    public final void executeOnce(TaskInstance<T> instance, ExecutionContext context) {
        throw new UnsupportedOperationException("runs through execute, in a transaction");
    }

    /** The work, inside the transaction that also removes the execution. */
    protected abstract void executeInTransaction(T data, ExecutionContext context);

    /**
     * False when the execution is no longer this process's to run: cancelled meanwhile, or picked again by another
     * replica after this one was presumed dead (its version moved on).
     */
    private boolean removeOwnExecution(Execution execution) {
        return jdbc.sql("""
                delete from scheduled_tasks
                where task_name = :name and task_instance = :instance and version = :version""")
                .param("name", execution.getTaskName()).param("instance", execution.getId())
                .param("version", execution.version).update() == 1;
    }
}
