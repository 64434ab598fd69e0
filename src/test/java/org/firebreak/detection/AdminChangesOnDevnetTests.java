package org.firebreak.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.firebreak.chain.ChainEvent;
import org.firebreak.chain.ChainProfile;
import org.firebreak.devnet.Devnet;
import org.firebreak.devnet.Fault;
import org.firebreak.devnet.FaultReport;
import org.firebreak.incident.IncidentFilter;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.incident.IncidentView;
import org.firebreak.incident.OpenIncidentBuilder;
import org.firebreak.incident.StepView;
import org.firebreak.incident.TimelineEntry;
import org.firebreak.shared.Severity;
import org.firebreak.support.ChainProfileFiles;
import org.firebreak.support.IsolatedDevnet;
import org.firebreak.support.Settle;
import org.firebreak.support.TestDevnet;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The admin-change rules on a devnet of their own, with the scheduler running as in production. Firebreak follows
 * the devnet through a profile file the test rewrites (Firebreak re-reads it when it changes): without a guardian (a
 * team that only watches), with expected owners, and with the guardian for Firebreak's own pause. The devnet's
 * transfer-ownership drill hands the DelegationManager to dev account 9 in Ownable2Step's two transactions.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminChangesOnDevnetTests extends OnIsolatedDevnetTest {

    @RegisterExtension
    static final IsolatedDevnet isolated = new IsolatedDevnet();
    private static final Devnet devnet = isolated.devnet();
    private static final ChainProfile DEVNET = devnet.profile();
    private static final Path PROFILE = Path.of("target/test-data/admin-changes-" + UUID.randomUUID(), "chain-profile.yml")
            .toAbsolutePath();
    private static final String MANAGER = DEVNET.contracts().delegationManager().address().toLowerCase();
    private static final String GUARDIAN = Objects.requireNonNull(DEVNET.guardian()).address().toLowerCase();
    private static final Duration SETTLE = DEVNET.blockTime().plusSeconds(1);
    /** The rules an admin change of the DelegationManager may raise. */
    private static final Set<String> ADMIN_RULES = Set.of("ownership-transfer-started", "ownership-transferred",
            "contract-paused", "contract-unpaused", "delegation-manager-paused", "delegation-manager-ownership");

    static {
        ChainProfileFiles.write(PROFILE, ChainProfileFiles.with(DEVNET, null, List.of()));
    }

    @DynamicPropertySource
    static void chain(DynamicPropertyRegistry registry) {
        isolated.register(registry, PROFILE);
    }


    @Test
    @Order(1)
    void aTransferToAnExpectedOwnerOpensNothing() {
        String outsider = devnet.faults().outsider();
        watchWith(null, List.of(outsider, GUARDIAN));
        long critical = criticalIncidents();

        FaultReport transfer = devnet.faults().inject(Fault.TRANSFER_OWNERSHIP);
        ChainEvent transferred = stored("OwnershipTransferred", e -> e.txHash().equals(transfer.txHash()));
        assertThat(transferred.fields()).containsEntry("newOwner", outsider).containsEntry("expected", "true");
        devnet.faults().clear();
        ChainEvent back = stored("OwnershipTransferred", e -> e.fields().get("newOwner").equals(GUARDIAN));
        assertThat(back.fields()).containsEntry("expected", "true");
        Settle.pause(SETTLE);

        assertThat(adminAlerts()).as("an expected owner is no alarm").isEmpty();
        assertThat(criticalIncidents()).isEqualTo(critical);
    }

    @Test
    @Order(2)
    void anOwnershipTransferWithNoGuardianOpensOneCriticalIncidentNamingTheNewOwner() {
        String outsider = devnet.faults().outsider();
        watchWith(null, List.of());
        long critical = criticalIncidents();

        FaultReport transfer = devnet.faults().inject(Fault.TRANSFER_OWNERSHIP);
        String key = "ownership-transferred:" + MANAGER;
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> alerts
                .find(AlertApi.RULES, key).filter(a -> a.incident() != null && a.status() == AlertStatus.FIRING).isPresent());
        Settle.pause(SETTLE);

        IncidentView incident = incidents.get(alerts.find(AlertApi.RULES, key).orElseThrow().incident());
        try {
            assertThat(incident.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(adminAlerts()).as("both steps of the transfer, one incident").extracting(AlertView::incident)
                    .containsOnly(incident.id());
            assertThat(adminAlerts()).extracting(a -> a.labels().get("rule"))
                    .contains("ownership-transfer-started", "ownership-transferred");
            assertThat(criticalIncidents()).as("one Critical incident for the transfer").isEqualTo(critical + 1);

            assertThat(incident.title()).contains(outsider).contains(MANAGER);
            assertThat(incident.summary()).contains("newOwner=" + outsider, "previousOwner=" + GUARDIAN);
            assertThat(alerts.find(AlertApi.RULES, key).orElseThrow().title())
                    .isEqualTo("Ownership of delegationManager " + MANAGER + " transferred to " + outsider);
            List<String> timeline = incidents.timeline(incident.id()).stream().map(TimelineEntry::text).toList();
            assertThat(timeline).anyMatch(t -> t.contains("ownership-transferred:" + MANAGER) && t.contains(outsider)
                    && t.contains(transfer.txHash()));
            System.out.println("Ownership transfer with no guardian: " + incident.id() + " '" + incident.title() + "'\n  "
                    + String.join("\n  ", timeline));
        } finally {
            devnet.faults().clear();
            Settle.pause(SETTLE);
            incidents.changeStatus(incident.id(), IncidentStatus.RESOLVED, "drill over", "test");
        }
        assertThat(adminAlerts()).extracting(AlertView::incident).as("handing it back joined the same incident")
                .containsOnly(incident.id());
    }

    @Test
    @Order(3)
    void firebreaksOwnPauseAndUnpauseDuringAResponseOpenNoNewIncident() {
        watchWith(DEVNET.guardian(), List.of());
        IncidentView response = incidents.open(OpenIncidentBuilder.anIncident().titled("Redemptions drained")
                .withCriteria("funds at risk").ofType("DELEGATION_FAILURE").commandedBy("carol").build(), "alice");
        long critical = criticalIncidents();
        List<AlertView> before = adminAlerts();

        StepView pauseStep = incidents.runStep(response.id(), 1, "carol", true).checklist().getFirst();
        assertThat(pauseStep.automation()).isEqualTo("action:pause-contracts");
        assertThat(pauseStep.outcome().result()).as(pauseStep.outcome().summary()).isEqualTo("OK");
        String pauseTx = pauseStep.outcome().evidence().get("txHash");
        stored("Paused", e -> e.txHash().equals(pauseTx));
        Settle.pause(SETTLE);
        assertThat(adminAlerts()).as("Firebreak's own pause").isEqualTo(before);

        incidents.runAction(response.id(), "unpause-contracts", "carol", true);
        String ran = incidents.timeline(response.id()).stream().map(TimelineEntry::text)
                .filter(t -> t.startsWith("Ran action:unpause-contracts: OK")).findFirst().orElseThrow();
        String unpauseTx = Objects.requireNonNull(txHashIn(ran), ran);
        stored("Unpaused", e -> e.txHash().equals(unpauseTx));
        Settle.pause(SETTLE);

        assertThat(alerts.find(AlertApi.RULES, "contract-unpaused:" + MANAGER)).as("Firebreak's own unpause").isEmpty();
        assertThat(adminAlerts()).isEqualTo(before);
        assertThat(criticalIncidents()).isEqualTo(critical);
    }

    /** Rewrites the profile Firebreak follows and gives the follower a few polls to take it. */
    private static void watchWith(ChainProfile.Guardian guardian, List<String> expectedOwners) {
        ChainProfileFiles.write(PROFILE, ChainProfileFiles.with(DEVNET, guardian, expectedOwners));
        Settle.pause(Duration.ofMillis(1500));
    }

    private ChainEvent stored(String name, Predicate<ChainEvent> which) {
        TestDevnet.awaitFollowing(chainEvents);
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> chainEvents.latest(name).filter(which).isPresent());
        return chainEvents.latest(name).orElseThrow();
    }

    private List<AlertView> adminAlerts() {
        return alerts.list(AlertApi.RULES, null).stream().filter(a -> ADMIN_RULES.contains(a.labels().get("rule")))
                .toList();
    }

    private long criticalIncidents() {
        return incidents.list(new IncidentFilter(null, Severity.CRITICAL, null, null, null), 0, 100).items().size();
    }

    private static String txHashIn(String text) {
        var m = java.util.regex.Pattern.compile("0x[0-9a-f]{64}").matcher(text);
        return m.find() ? m.group() : null;
    }
}
