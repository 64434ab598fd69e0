package org.firebreak.oncall;

import java.time.Instant;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.firebreak.incident.IncidentId;
import org.firebreak.shared.scheduling.TransactionalOneTimeTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The escalation's persistent timers: db-scheduler one-time executions in {@code scheduled_tasks}, scheduled,
 * re-timed and cancelled in the transaction that decides so. When one fires, the page (or the notice), its timeline
 * entry, the notification request, the next timer and the removal of the fired execution commit together
 * ({@link TransactionalOneTimeTask}): after a crash a due page is sent once, neither lost nor twice.
 */
@Configuration(proxyBeanMethods = false)
class EscalationTimers {

    static final String STEP = "escalation-step";
    static final String NOTICE = "team-notice";

    /** Looked up when first used: the scheduler is built from the task beans below, which need the paging. */
    private final ObjectProvider<SchedulerClient> scheduler;

    EscalationTimers(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    @Bean
    TransactionalOneTimeTask<EscalationStep> escalationStep(ObjectProvider<Paging> paging, TransactionTemplate tx,
            JdbcClient jdbc) {
        return new TransactionalOneTimeTask<>(STEP, EscalationStep.class, tx, jdbc) {
            @Override
            protected void executeInTransaction(EscalationStep step, ExecutionContext context) {
                paging.getObject().fire(step);
            }
        };
    }

    @Bean
    TransactionalOneTimeTask<TeamNoticeDue> teamNotice(ObjectProvider<Paging> paging, TransactionTemplate tx,
            JdbcClient jdbc) {
        return new TransactionalOneTimeTask<>(NOTICE, TeamNoticeDue.class, tx, jdbc) {
            @Override
            protected void executeInTransaction(TeamNoticeDue due, ExecutionContext context) {
                paging.getObject().fireNotice(new IncidentId(due.incident()));
            }
        };
    }

    void schedule(EscalationStep step, Instant at) {
        scheduler.getObject().schedule(new TaskInstance<>(STEP, step.instanceId(), step), at);
    }

    /** False when the timer is running right now (it then finds the escalation changed and does what is due). */
    boolean reschedule(EscalationStep step, Instant at) {
        try {
            return scheduler.getObject().reschedule(TaskInstanceId.of(STEP, step.instanceId()), at);
        } catch (TaskInstanceException e) {
            return false;
        }
    }

    void cancel(EscalationStep step) {
        cancel(TaskInstanceId.of(STEP, step.instanceId()));
    }

    void scheduleNotice(TeamNoticeDue due, Instant at) {
        scheduler.getObject().schedule(new TaskInstance<>(NOTICE, due.instanceId(), due), at);
    }

    void cancelNotice(TeamNoticeDue due) {
        cancel(TaskInstanceId.of(NOTICE, due.instanceId()));
    }

    private void cancel(TaskInstanceId id) {
        try {
            scheduler.getObject().cancel(id);
        } catch (TaskInstanceException e) {
            // Gone already, or running now: a running one re-reads the escalation, finds it changed and does nothing.
        }
    }
}
