package org.firebreak.shared.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;

import org.firebreak.shared.ConfigProblem;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The shipped scheduler settings take scheduled work over from a dead replica within 10 s (issue 17). */
class SchedulerSettingsTest {

    @Test
    void theShippedSettingsTakeOverWithinSixAndAHalfSeconds() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        SchedulerSettings shipped = new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("firebreak.scheduler", SchedulerSettings.class);

        assertThat(shipped.heartbeatInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(shipped.missedHeartbeats()).isEqualTo(4);
        assertThat(shipped.pollingInterval()).isEqualTo(Duration.ofMillis(500));
        // dead 4 s after the last heartbeat, found within the next 2 s, run within the next poll
        assertThat(shipped.takeoverWithin()).isEqualTo(Duration.ofMillis(6500))
                .isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void fewerThanFourMissedHeartbeatsAreRefusedAsDbSchedulerWould() {
        assertThatThrownBy(() -> new SchedulerSettings(true, Duration.ofMillis(500), 4, Duration.ofSeconds(1), 3,
                Duration.ofSeconds(10)))
                .isInstanceOf(ConfigProblem.class).hasMessageContaining("at least 4");
        assertThat(new SchedulerSettings(true, Duration.ofSeconds(1), 4, Duration.ofSeconds(10), 6,
                Duration.ofSeconds(10)).takeoverWithin()).as("the old settings").isEqualTo(Duration.ofSeconds(81));
    }
}
