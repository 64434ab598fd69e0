package org.firebreak.chain;

import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import org.firebreak.shared.InvalidConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The block follower as a db-scheduler recurring task: one replica at a time follows, and another takes over when
 * it dies. It polls every {@code follow.pollInterval} of the profile in force, read after each run, so an edited
 * profile takes effect at once (and never faster than {@code firebreak.scheduler.polling-interval}).
 */
@Configuration(proxyBeanMethods = false)
class FollowerTask {

    static final String NAME = "chain-follower";
    /** How often to look for a profile while none is configured. */
    static final Duration WITHOUT_PROFILE = Duration.ofSeconds(1);

    @Bean
    RecurringTask<Void> chainFollower(BlockFollower follower, ChainProfiles profiles) {
        return Tasks.recurring(NAME, new PollInterval(profiles)).execute((instance, context) -> follower.run());
    }

    /** The profile's poll interval after each run. */
    record PollInterval(ChainProfiles profiles) implements Schedule {

        @Override
        public Instant getNextExecutionTime(ExecutionComplete done) {
            return done.getTimeDone().plus(interval());
        }

        @Override
        public boolean isDeterministic() {
            return false;
        }

        private Duration interval() {
            try {
                return profiles.current().map(p -> p.follow().pollInterval()).orElse(WITHOUT_PROFILE);
            } catch (InvalidConfiguration e) {
                return WITHOUT_PROFILE;
            }
        }
    }
}
