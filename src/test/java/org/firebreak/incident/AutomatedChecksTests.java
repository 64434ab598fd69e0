package org.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.awaitility.Awaitility;
import org.firebreak.playbook.StepExecutor;
import org.firebreak.playbook.StepOutcome;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.OwnSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A new incident's automated checks run by themselves, each committing as it lands, and outside any transaction:
 * while a check waits on something slow (the chain, a rate limit) nobody is locked out of the incident.
 */
@FirebreakIntegrationTest
@Import(AutomatedChecksTests.Drills.class)
class AutomatedChecksTests {

    /** Per incident: the slow check has started; the test lets it finish. */
    static final Map<String, CountDownLatch> SLOW_ENTERED = new java.util.concurrent.ConcurrentHashMap<>();
    static final Map<String, CountDownLatch> SLOW_RELEASE = new java.util.concurrent.ConcurrentHashMap<>();
    static final AtomicBoolean SLOW_IN_TRANSACTION = new AtomicBoolean(true);
    static final java.util.Set<String> AFTER_RAN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static CountDownLatch latch(Map<String, CountDownLatch> latches, String incident) {
        return latches.computeIfAbsent(incident, k -> new CountDownLatch(1));
    }

    /** An operator's playbook for a drill type: a quick check, then one that waits until the test lets it go. */
    @DynamicPropertySource
    static void drillPlaybook(DynamicPropertyRegistry registry) {
        OwnSchema.register(registry);
        try {
            Path dir = Files.createTempDirectory("firebreak-drill-playbooks");
            Files.writeString(dir.resolve("drill.yml"), """
                    id: slow-check-drill
                    version: 1
                    title: Slow check drill
                    kind: COMMON_INCIDENT
                    incidentType: SLOW_CHECK_DRILL
                    owner: tests
                    reviewBy: 2099-01-01
                    source: "tests"
                    symptoms:
                      - a check that takes its time
                    sections:
                      - name: Response
                        steps:
                          - id: quick
                            title: Quick check
                            description: answers at once
                            automation: diagnostic:quick-drill
                          - id: slow
                            title: Slow check
                            description: waits, as a check behind a rate-limited RPC endpoint does
                            automation: diagnostic:slow-drill
                          - id: after
                            title: Check after the slow one
                            description: counts its runs
                            automation: diagnostic:after-drill
                    """);
            registry.add("firebreak.playbooks.directory", dir::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    IncidentApi incidents;

    @Test
    void aSlowCheckHoldsNoLockAndEachCheckCommitsAsItLands() throws Exception {
        IncidentId id = incidents.open(new OpenIncident("Slow checks", null, org.firebreak.shared.Severity.LOW, null,
                "SLOW_CHECK_DRILL", List.of(), "carol", null, null), "carol").id();
        try {
            assertThat(latch(SLOW_ENTERED, id.toString()).await(30, TimeUnit.SECONDS)).as("the slow check started").isTrue();
            assertThat(SLOW_IN_TRANSACTION.get()).as("a check runs outside any transaction").isFalse();
            assertThat(step(id, "Quick check").outcome()).as("the quick check committed before the slow one ended")
                    .isNotNull();

            // Someone acknowledges while the slow check still runs: done at once, not after a lock timeout.
            var acknowledged = CompletableFuture.supplyAsync(
                    () -> incidents.changeStatus(id, IncidentStatus.ACKNOWLEDGED, null, "carol"));
            assertThat(acknowledged.get(3, TimeUnit.SECONDS).status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        } finally {
            latch(SLOW_RELEASE, id.toString()).countDown();
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> step(id, "Slow check").outcome() != null);
        assertThat(step(id, "Slow check").outcome().summary()).isEqualTo("took its time");
        assertThat(incidents.get(id).status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> step(id, "Check after the slow one").outcome() != null);
    }

    @Test
    void checksLeftWhenTheIncidentIsResolvedAreNotRun() throws Exception {
        IncidentId id = incidents.open(new OpenIncident("Over before its checks", null, org.firebreak.shared.Severity.LOW,
                null, "SLOW_CHECK_DRILL", List.of(), "carol", null, null), "carol").id();
        try {
            assertThat(latch(SLOW_ENTERED, id.toString()).await(30, TimeUnit.SECONDS)).isTrue();
            incidents.changeStatus(id, IncidentStatus.RESOLVED, "a false alarm", "carol");
        } finally {
            latch(SLOW_RELEASE, id.toString()).countDown();
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> step(id, "Slow check").outcome() != null);
        Thread.sleep(500);
        assertThat(AFTER_RAN).as("no chain read spent on an incident already over").doesNotContain(id.toString());
        assertThat(step(id, "Check after the slow one").outcome()).isNull();
    }

    private StepView step(IncidentId id, String title) {
        return incidents.get(id).checklist().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Drills {

        @Bean
        StepExecutor quickDrill() {
            return executor("diagnostic:quick-drill", run -> new StepOutcome(StepOutcome.Result.OK, "at once", Map.of()));
        }

        @Bean
        StepExecutor slowDrill() {
            return executor("diagnostic:slow-drill", run -> {
                SLOW_IN_TRANSACTION.set(TransactionSynchronizationManager.isActualTransactionActive());
                latch(SLOW_ENTERED, run.incidentId()).countDown();
                try {
                    latch(SLOW_RELEASE, run.incidentId()).await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new StepOutcome(StepOutcome.Result.OK, "took its time", Map.of());
            });
        }

        @Bean
        StepExecutor afterDrill() {
            return executor("diagnostic:after-drill", run -> {
                AFTER_RAN.add(run.incidentId());
                return new StepOutcome(StepOutcome.Result.OK, "ran", Map.of());
            });
        }

        private static StepExecutor executor(String automation,
                java.util.function.Function<StepExecutor.StepRun, StepOutcome> outcome) {
            return new StepExecutor() {
                @Override
                public String automation() {
                    return automation;
                }

                @Override
                public StepOutcome run(StepRun run) {
                    return outcome.apply(run);
                }
            };
        }
    }
}
