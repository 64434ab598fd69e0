package org.firebreak.detection.rules;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.firebreak.chain.BlocksFollowed;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * When the rules run: a db-scheduler recurring task ticks every {@code firebreak.rules.tick} on one replica at a
 * time (each rule then runs on its own interval), and event rules also run as soon as the block follower's batch
 * has committed, so an event becomes an alert within a poll interval of being mined rather than a tick later.
 */
@Configuration(proxyBeanMethods = false)
class RuleTicks {

    static final String NAME = "detection-rules";

    private final RuleEngine engine;
    private final RuleSettings settings;
    /** Batches that commit while event rules run are folded into one more run, never queued one by one. */
    private final AtomicBoolean eventRunPending = new AtomicBoolean();

    RuleTicks(RuleEngine engine, RuleSettings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    @Bean
    RecurringTask<Void> detectionRules() {
        Duration tick = settings.tick();
        return Tasks.recurring(NAME, FixedDelay.of(tick)).execute((instance, context) -> {
            if (settings.enabled()) {
                engine.tick();
            }
        });
    }

    /**
     * The follower publishes inside its batch's transaction, whose events other connections cannot see yet: the
     * event rules run after it commits, on their own thread and outside it, so each alert they raise commits alone.
     * (Not a transactional listener: the event publication registry would keep a row for every batch.)
     */
    @EventListener
    void on(BlocksFollowed followed) {
        if (!settings.enabled() || followed.events() == 0) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    runEventRules();
                }
            });
        } else {
            runEventRules();
        }
    }

    private void runEventRules() {
        if (eventRunPending.compareAndSet(false, true)) {
            Thread.ofVirtual().name("event-rules").start(() -> {
                eventRunPending.set(false);
                engine.onNewEvents();
            });
        }
    }
}
