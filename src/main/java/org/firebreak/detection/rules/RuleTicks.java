package org.firebreak.detection.rules;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.firebreak.chain.BlocksFollowed;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * When the rules run: a db-scheduler recurring task ticks every {@code firebreak.rules.tick} on one replica at a
 * time (each rule then runs on its own interval), and event rules also run as soon as the block follower has stored
 * new blocks, so an event becomes an alert within a poll interval of being mined rather than a tick later.
 */
@Configuration(proxyBeanMethods = false)
class RuleTicks {

    static final String NAME = "detection-rules";

    private final RuleEngine engine;
    private final RuleSettings settings;

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

    @EventListener
    void on(BlocksFollowed followed) {
        if (settings.enabled() && followed.events() > 0) {
            engine.onNewEvents();
        }
    }
}
