package org.firebreak.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.firebreak.chain.ChainEvent;
import org.firebreak.devnet.Devnet;
import org.firebreak.devnet.Fault;
import org.firebreak.devnet.FaultReport;
import org.firebreak.incident.IncidentFilter;
import org.firebreak.incident.IncidentView;
import org.firebreak.incident.TimelineEntry;
import org.firebreak.shared.Severity;
import org.firebreak.support.IsolatedDevnet;
import org.firebreak.support.Settle;
import org.firebreak.support.TestDevnet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The staging detector on a devnet of its own, with the scheduler running as in production: dev account 9 deploys a
 * contract whose runtime code embeds the EntryPoint's address (the devnet's stage-contract drill), and one that embeds
 * nothing. The first opens exactly one High incident naming the new contract, its deployer, the transaction and the
 * address it embeds; the second opens nothing.
 */
class StagedContractsOnDevnetTests extends OnIsolatedDevnetTest {

    @RegisterExtension
    static final IsolatedDevnet isolated = new IsolatedDevnet();
    private static final Devnet devnet = isolated.devnet();
    private static final Pattern DEPLOYED = Pattern.compile("contract (0x[0-9a-f]{40}) deployed by (0x[0-9a-fA-F]{40}) at block (\\d+)");
    private static final Duration SETTLE = devnet.profile().blockTime().plusSeconds(1);

    @DynamicPropertySource
    static void chain(DynamicPropertyRegistry registry) {
        isolated.register(registry);
    }


    @Test
    void aContractEmbeddingTheEntryPointsAddressOpensOneHighIncidentNamingDeployerAndTransaction() {
        TestDevnet.awaitFollowing(chainEvents);
        String entryPoint = devnet.profile().contracts().entryPoint().address().toLowerCase();
        long high = highIncidents();

        FaultReport staged = devnet.faults().inject(Fault.STAGE_CONTRACT);
        Matcher m = DEPLOYED.matcher(staged.summary());
        assertThat(m.find()).as(staged.summary()).isTrue();
        String contract = m.group(1);
        String deployer = m.group(2).toLowerCase();
        assertThat(deployer).isEqualTo(devnet.faults().outsider());

        String key = "staged-contract:" + contract;
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> alerts
                .find(AlertApi.RULES, key).filter(a -> a.incident() != null && a.status() == AlertStatus.FIRING).isPresent());
        Settle.pause(SETTLE);

        IncidentView incident = incidents.get(alerts.find(AlertApi.RULES, key).orElseThrow().incident());
        assertThat(incident.severity()).isEqualTo(Severity.HIGH);
        assertThat(incident.title()).isEqualTo("Contract " + contract + " staged against the entryPoint: deployed by "
                + deployer);
        assertThat(incident.summary()).contains("tx " + staged.txHash(), "deployer=" + deployer,
                "embedded=" + entryPoint, "embeds=entryPoint", "newContract=" + contract);
        List<String> timeline = incidents.timeline(incident.id()).stream().map(TimelineEntry::text).toList();
        assertThat(timeline).anyMatch(t -> t.contains(key) && t.contains(staged.txHash()) && t.contains(deployer));
        assertThat(highIncidents()).as("one High incident for one staged contract").isEqualTo(high + 1);
        System.out.println("Staged contract: " + incident.id() + " '" + incident.title() + "'\n  " + incident.summary());

        ChainEvent event = chainEvents.latest("StagedContract").orElseThrow();
        assertThat(event.txHash()).isEqualTo(staged.txHash());
        assertThat(event.address()).isEqualTo(contract);
        assertThat(event.blockNumber()).isEqualTo(Long.parseLong(m.group(3)));
    }

    @Test
    void aContractEmbeddingNoWatchedAddressOpensNothing() {
        TestDevnet.awaitFollowing(chainEvents);
        long high = highIncidents();

        FaultReport plain = devnet.faults().deployUnrelatedContract();
        Matcher m = DEPLOYED.matcher(plain.summary());
        assertThat(m.find()).as(plain.summary()).isTrue();
        long block = Long.parseLong(m.group(3));
        Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> chainEvents.position().map(p -> p.block() >= block).orElse(false));
        Settle.pause(SETTLE);

        assertThat(alerts.find(AlertApi.RULES, "staged-contract:" + m.group(1))).isEmpty();
        assertThat(chainEvents.latest("StagedContract").map(ChainEvent::address)).isNotEqualTo(Optional.of(m.group(1)));
        assertThat(highIncidents()).isEqualTo(high);
    }

    private long highIncidents() {
        return incidents.list(new IncidentFilter(null, Severity.HIGH, null, null, null), 0, 100).items().size();
    }
}
