package org.firebreak.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.firebreak.devnet.Devnet;
import org.firebreak.devnet.Fault;
import org.firebreak.incident.IncidentFilter;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.incident.IncidentView;
import org.firebreak.shared.IncidentType;
import org.firebreak.shared.Severity;
import org.firebreak.support.IsolatedDevnet;
import org.firebreak.support.TestDevnet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The acceptance on a devnet of its own (some faults cannot be undone), with the scheduler running as in
 * production and the real clock: each shipped rule opens exactly one incident of its severity and type within one
 * block interval plus one second of its fault being in effect (the chain-halted rule: of the chain having halted,
 * i.e. three block times without a block), and firing on does not open a second one. The figures are printed. The
 * rules fire one after the other within a minute, which the storm guard would rightly call a storm: it is off here.
 */
@TestPropertySource(properties = "firebreak.detection.storm-guard.enabled=false")
class DetectionOnDevnetTests extends OnIsolatedDevnetTest {

    @RegisterExtension
    static final IsolatedDevnet isolated = new IsolatedDevnet();
    private static final Devnet devnet = isolated.devnet();
    private static final Duration BLOCK = devnet.profile().blockTime();
    private static final Duration LIMIT = BLOCK.plusSeconds(1);

    @DynamicPropertySource
    static void chain(DynamicPropertyRegistry registry) {
        isolated.register(registry);
    }


    private final List<String> figures = new ArrayList<>();

    @Test
    void eachShippedRuleOpensOneIncidentOfItsSeverityAndTypeWithinABlockAndASecondOfItsFault() {
        TestDevnet.awaitFollowing(chainEvents);
        try {
            // The user-operation rules count per EntryPoint: the key names the v0.7 EntryPoint the faults go through.
            String onEntryPoint = ":" + devnet.state().stack().entryPoint().toLowerCase(java.util.Locale.ROOT);
            detects("high-gas-usage" + onEntryPoint, Severity.MEDIUM, IncidentType.PERFORMANCE_DEGRADATION, LIMIT,
                    () -> devnet.faults().inject(Fault.HIGH_GAS_USEROP));

            devnet.faults().failUserOperations(10);
            pause(LIMIT.plusSeconds(1));
            assertThat(alerts.find(AlertApi.RULES, "failed-operations" + onEntryPoint))
                    .as("10 failed operations are not more than 10").isEmpty();
            detects("failed-operations" + onEntryPoint, Severity.CRITICAL, IncidentType.UNCLASSIFIED, LIMIT,
                    () -> devnet.faults().failUserOperations(1));

            detects("rpc-endpoint-down:primary", Severity.HIGH, IncidentType.PERFORMANCE_DEGRADATION, LIMIT,
                    () -> devnet.faults().inject(Fault.RPC_FAIL));
            devnet.faults().clear();
            detects("rpc-wrong-chain:primary", Severity.CRITICAL, IncidentType.UNCLASSIFIED, LIMIT,
                    () -> devnet.faults().inject(Fault.WRONG_CHAIN_ID));
            devnet.faults().clear();
            detects("gas-price-over-ceiling", Severity.MEDIUM, IncidentType.PERFORMANCE_DEGRADATION, LIMIT,
                    () -> devnet.faults().inject(Fault.SPIKE_BASE_FEE));
            detects("paymaster-deposit-low", Severity.HIGH, IncidentType.UNCLASSIFIED, LIMIT,
                    () -> devnet.faults().inject(Fault.DRAIN_PAYMASTER));
            detects("delegation-manager-paused", Severity.CRITICAL, IncidentType.DELEGATION_FAILURE, LIMIT,
                    () -> devnet.faults().inject(Fault.PAUSE_DELEGATION_MANAGER));
            // The drill's unpause is not Firebreak's own: an admin change. Resolved, so the transfer opens its own incident.
            IncidentView unpaused = detects("contract-unpaused:" + devnet.profile().contracts().delegationManager()
                    .address().toLowerCase(), Severity.CRITICAL, IncidentType.UNCLASSIFIED, LIMIT,
                    () -> devnet.faults().clear());
            incidents.changeStatus(unpaused.id(), IncidentStatus.RESOLVED, "drill", "test");
            detects("delegation-manager-ownership", Severity.CRITICAL, IncidentType.UNCLASSIFIED, LIMIT,
                    () -> devnet.faults().inject(Fault.TRANSFER_OWNERSHIP));
            devnet.faults().clear();
            IncidentView entryPoint = detects("entrypoint-code-changed", Severity.CRITICAL, IncidentType.UNCLASSIFIED,
                    LIMIT, () -> devnet.faults().inject(Fault.REMOVE_ENTRYPOINT_CODE));
            // Resolved by a human, so the factory rule (same group) opens an incident of its own rather than joining.
            incidents.changeStatus(entryPoint.id(), IncidentStatus.RESOLVED, "drill", "test");
            detects("account-factory-code-changed", Severity.CRITICAL, IncidentType.ACCOUNT_CREATION_FAILURE, LIMIT,
                    () -> devnet.faults().inject(Fault.REMOVE_FACTORY_CODE));
            devnet.faults().clear();
            detects("chain-halted", Severity.CRITICAL, IncidentType.PERFORMANCE_DEGRADATION, BLOCK.multipliedBy(3).plus(LIMIT),
                    () -> devnet.faults().inject(Fault.STOP_BLOCKS));
            devnet.faults().clear();
            // Last: chain time jumps weeks ahead of the wall clock and cannot be turned back.
            detects("delegation-expiry:expires-in-30-days", Severity.LOW, IncidentType.DELEGATION_FAILURE, LIMIT,
                    () -> devnet.faults().inject(Fault.EXPIRE_DELEGATION_SOON));
        } finally {
            devnet.faults().clear();
            System.out.println("Detection on the devnet (block time " + BLOCK.toMillis() + " ms):\n  "
                    + String.join("\n  ", figures));
        }
    }

    /** Injects, waits for the rule's alert to have an incident, checks it and that firing on opens no second one. */
    private IncidentView detects(String key, Severity severity, IncidentType type, Duration limit, Supplier<?> fault) {
        fault.get();
        long start = System.nanoTime();
        Optional<AlertView> alert = Optional.empty();
        while (System.nanoTime() - start < limit.plusSeconds(10).toNanos()) {
            alert = alerts.find(AlertApi.RULES, key).filter(a -> a.incident() != null && a.status() == AlertStatus.FIRING);
            if (alert.isPresent()) {
                break;
            }
            pause(Duration.ofMillis(50));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        figures.add(key + ": incident after " + took.toMillis() + " ms (limit " + limit.toMillis() + " ms)");
        assertThat(alert).as(key + " opened no incident within " + took.toMillis() + " ms").isPresent();
        assertThat(took).as(key).isLessThanOrEqualTo(limit);
        IncidentView incident = incidents.get(alert.get().incident());
        assertThat(incident.severity()).as(key).isEqualTo(severity);
        assertThat(incident.type()).as(key).isEqualTo(type);

        pause(BLOCK.plusSeconds(1));
        assertThat(alerts.find(AlertApi.RULES, key).orElseThrow().incident()).as(key).isEqualTo(incident.id());
        assertThat(incidents.list(new IncidentFilter(null, null, null, null, incident.title()), 0, 10).items())
                .as("one incident for " + key).hasSize(1);
        return incident;
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
