package org.firebreak.detection.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.firebreak.detection.AlertApi;
import org.firebreak.detection.AlertStatus;
import org.firebreak.detection.AlertView;
import org.firebreak.detection.NewSilence;
import org.firebreak.detection.SilenceApi;
import org.firebreak.detection.SilenceKind;
import org.firebreak.detection.SilenceView;
import org.firebreak.chain.ChainEvents;
import org.firebreak.devnet.Fault;
import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentFilter;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.incident.IncidentView;
import org.firebreak.incident.OpenIncident;
import org.firebreak.incident.TimelineEntry;
import org.firebreak.shared.Severity;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.MutableClock;
import org.firebreak.support.OwnSchema;
import org.firebreak.support.TestDevnet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shipped chain rules against the real devnet, driven tick by tick on a controllable clock (the block follower
 * runs, the scheduled rule tick does not): a fault opens one incident of the rule's severity, repeats do not open
 * another, a second rule of the same group joins the incident, clearing waits out keepFiringFor, silences hold
 * incidents back until they end, and a pause by an open incident's own "Pause system" is no alarm.
 */
@FirebreakIntegrationTest
class RuleEngineIntegrationTests {

    private static final Path RULES = operatorRules();

    @DynamicPropertySource
    static void devnet(DynamicPropertyRegistry registry) {
        registry.add("firebreak.chain.profile", () -> TestDevnet.profilePath().toString());
        OwnSchema.register(registry);
        registry.add("firebreak.rules.directory", RULES::toString);
        // The follower runs (the paused rule asks whose transaction paused); the rules run only when a test ticks.
        registry.add("firebreak.scheduler.enabled", () -> "true");
        registry.add("firebreak.rules.enabled", () -> "false");
    }

    @Autowired
    RuleEngine engine;
    @Autowired
    AlertApi alerts;
    @Autowired
    SilenceApi silences;
    @Autowired
    IncidentApi incidents;
    @Autowired
    MutableClock clock;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ChainEvents chainEvents;

    @AfterEach
    void clearFaults() {
        TestDevnet.faults().clear();
    }

    @Test
    void removedStackCodeOpensOneCriticalSecurityIncidentThatTheFactoryRuleJoins() {
        long before = openIncidents();
        TestDevnet.faults().inject(Fault.REMOVE_ENTRYPOINT_CODE);

        tick();
        AlertView entryPoint = alert("entrypoint-code-changed");
        assertThat(entryPoint.status()).isEqualTo(AlertStatus.FIRING);
        IncidentView incident = incidents.get(entryPoint.incident());
        assertThat(incident.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(incident.criteria()).containsExactly("Security breach");
        assertThat(incident.components()).containsExactly("entrypoint");
        assertThat(incident.title()).isEqualTo("EntryPoint code missing or changed");

        tick();
        tick();
        assertThat(openIncidents()).isEqualTo(before + 1);
        assertThat(alert("entrypoint-code-changed").count()).isEqualTo(1);

        TestDevnet.faults().inject(Fault.REMOVE_FACTORY_CODE);
        tick();
        AlertView factory = alert("account-factory-code-changed");
        assertThat(factory.incident()).isEqualTo(entryPoint.incident());
        assertThat(openIncidents()).isEqualTo(before + 1);
        assertThat(texts(entryPoint.incident())).anyMatch(t -> t.contains("'account-factory-code-changed'")
                && t.contains("joins this incident (group 'stack-code')"));

        TestDevnet.faults().clear();
        tick();
        assertThat(alert("entrypoint-code-changed").status()).as("keepFiringFor 30s damps the resolve")
                .isEqualTo(AlertStatus.FIRING);
        clock.advance(Duration.ofSeconds(31));
        tick();
        assertThat(alert("entrypoint-code-changed").status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(alert("account-factory-code-changed").status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(incidents.get(entryPoint.incident()).status().isOpen()).as("left for a human").isTrue();
        assertThat(texts(entryPoint.incident())).anyMatch(t -> t.contains("cleared after 1 reports")
                && t.contains("for a human to resolve"));
    }

    @Test
    void aMaintenanceWindowHoldsTheIncidentBackUntilItEndsAndTheTimelineSaysSo() {
        long before = openIncidents();
        SilenceView window = silences.create(new NewSilence(SilenceKind.MAINTENANCE, "paymaster-deposit-low", null, null,
                null, clock.instant().plus(Duration.ofMinutes(10)), "paymaster top-up"), "dave");
        TestDevnet.faults().inject(Fault.DRAIN_PAYMASTER);

        tick();
        AlertView held = alert("paymaster-deposit-low");
        assertThat(held.status()).isEqualTo(AlertStatus.SUPPRESSED);
        assertThat(held.incident()).isNull();
        assertThat(openIncidents()).isEqualTo(before);
        assertThat(silences.get(window.id()).suppressed()).singleElement()
                .satisfies(s -> assertThat(s.dedupKey()).isEqualTo("paymaster-deposit-low"));

        clock.advance(Duration.ofMinutes(11));
        tick();
        AlertView released = alert("paymaster-deposit-low");
        assertThat(released.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(openIncidents()).isEqualTo(before + 1);
        IncidentView incident = incidents.get(released.incident());
        assertThat(incident.severity()).isEqualTo(Severity.HIGH);
        assertThat(texts(released.incident())).anyMatch(t -> t.startsWith("Held back by maintenance window #"
                + window.id() + " by dave (paymaster top-up) from ") && t.contains("still firing after it ended"));
    }

    @Test
    void aConditionMustHoldForItsForAndAFlapWithinKeepFiringForDoesNotResolveOrReopen() {
        AtomicInteger level = meters.gauge("firebreak.test.level", new AtomicInteger(0));
        long before = openIncidents();
        level.set(5);
        tick();
        assertThat(alerts.find(AlertApi.RULES, "test-level-high")).as("pending for 10s").isEmpty();
        clock.advance(Duration.ofSeconds(11));
        tick();
        AlertView firing = alert("test-level-high");
        assertThat(firing.status()).isEqualTo(AlertStatus.FIRING);

        level.set(0);
        tick();
        level.set(5);
        clock.advance(Duration.ofSeconds(5));
        tick();
        level.set(0);
        clock.advance(Duration.ofSeconds(5));
        tick();
        assertThat(alert("test-level-high").status()).as("flapping inside keepFiringFor keeps firing")
                .isEqualTo(AlertStatus.FIRING);
        assertThat(openIncidents()).isEqualTo(before + 1);

        clock.advance(Duration.ofSeconds(21));
        tick();
        assertThat(alert("test-level-high").status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(incidents.get(firing.incident()).status()).as("autoResolve: incident")
                .isEqualTo(IncidentStatus.RESOLVED);
        assertThat(texts(firing.incident())).anyMatch(t -> t.contains("Resolved automatically: alert 'test-level-high'"));
    }

    @Test
    void aPauseByAnOpenIncidentsPauseSystemIsNoAlarmButAPauseBySomeoneElseAfterItIs() {
        IncidentView drill = incidents.open(new OpenIncident("Drill: redemptions drained", null, Severity.CRITICAL, null,
                "DELEGATION_FAILURE", null, "carol", null, null), "carol");
        try {
            IncidentView paused = incidents.runStep(drill.id(), 1, "carol", true);
            String pauseTx = paused.checklist().getFirst().outcome().evidence().get("txHash");
            assertThat(pauseTx).startsWith("0x");
            awaitLatestPaused(pauseTx);
            tick();
            assertThat(alerts.find(AlertApi.RULES, "delegation-manager-paused")).as("paused by the incident").isEmpty();

            incidents.runAction(drill.id(), "unpause-contracts", "carol", true);
            String faultTx = TestDevnet.faults().inject(Fault.PAUSE_DELEGATION_MANAGER).txHash();
            awaitLatestPaused(faultTx);
            tick();
            AlertView alarm = alert("delegation-manager-paused");
            assertThat(alarm.status()).isEqualTo(AlertStatus.FIRING);
            assertThat(incidents.get(alarm.incident()).severity()).isEqualTo(Severity.CRITICAL);
            assertThat(alarm.incident()).isNotEqualTo(drill.id());
        } finally {
            TestDevnet.faults().clear();
            incidents.changeStatus(drill.id(), IncidentStatus.RESOLVED, "drill over", "carol");
        }
    }

    /** Until the follower has stored the Paused event of this transaction. */
    private void awaitLatestPaused(String txHash) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (chainEvents.latest("Paused").map(e -> !e.txHash().equals(txHash)).orElse(true)) {
            assertThat(System.nanoTime()).as("the follower stores Paused of " + txHash).isLessThan(until);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void tick() {
        clock.advance(Duration.ofSeconds(2));
        engine.tick();
    }

    private AlertView alert(String key) {
        return alerts.find(AlertApi.RULES, key).orElseThrow(() -> new AssertionError("no alert " + key + "; rules: "
                + engine.status()));
    }

    private long openIncidents() {
        return incidents.list(new IncidentFilter(null, null, null, true, null), 0, 1).total();
    }

    private List<String> texts(IncidentId id) {
        return incidents.timeline(id).stream().map(TimelineEntry::text).toList();
    }

    private static Path operatorRules() {
        try {
            Path dir = Files.createDirectories(Path.of("target/test-data/rules-" + Instant.now().toEpochMilli()));
            Files.writeString(dir.resolve("test.yml"), """
                    rules:
                      - id: test-level-high
                        title: Test level high
                        severity: MEDIUM
                        for: 10s
                        keepFiringFor: 20s
                        autoResolve: INCIDENT
                        metric: { name: firebreak.test.level, above: 3 }
                      # Other tests' user operations on the shared devnet must not open incidents here.
                      - id: failed-operations
                        title: off
                        severity: LOW
                        enabled: false
                        event: { name: UserOperationEvent, window: 5m, moreThan: 0 }
                      - id: high-gas-usage
                        title: off
                        severity: LOW
                        enabled: false
                        event: { name: UserOperationEvent, window: 5m, moreThan: 0 }
                      # The devnet starts with a delegation 3 days from expiry; its incident is another test's.
                      - id: delegation-expiry
                        title: Delegation expiring
                        severity: LOW
                        enabled: false
                        diagnostic: { name: expiry, problems: [delegation.expiring] }
                    """);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
