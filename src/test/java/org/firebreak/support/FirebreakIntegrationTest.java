package org.firebreak.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The whole application on a random port over a real store: a fresh H2 file per test context, or the JVM's
 * {@link TestPostgres} (the second run of {@code ./firebreak test}). Tagged {@code integration}: {@code mvn verify}
 * (Failsafe) runs it, {@code mvn test} does not. Time comes from a
 * {@link MutableClock}. The scheduler runs no task (no background follower or monitor touching the shared devnet
 * behind a test's back): a test calls the work it wants done, or sets {@code firebreak.scheduler.enabled=true}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "firebreak.data-dir=./target/test-data/${random.uuid}", "firebreak.devnet=true",
        "firebreak.playbooks.directory=target/test-data/no-operator-playbooks",
        "firebreak.oncall.file=target/test-data/no-operator-oncall.yml",
        // Paging is the on-call tests' subject; elsewhere its pages would land among the entries a test counts.
        "firebreak.oncall.paging=false",
        // The clock stands still for a whole context, so every opening would count within one storm window.
        "firebreak.detection.storm-guard.enabled=false",
        "firebreak.scheduler.enabled=false",
        "firebreak.access.bootstrap-token=" + HttpApi.BOOTSTRAP_TOKEN })
@Import(FirebreakIntegrationTest.TestClock.class)
@Tag("integration")
public @interface FirebreakIntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    class TestClock {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
        }
    }
}
