package org.firebreak.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.firebreak.chain.ChainEvent;
import org.firebreak.chain.ChainProfile;
import org.firebreak.chain.Diagnostics;
import org.firebreak.chain.Finding;
import org.firebreak.devnet.Devnet;
import org.firebreak.devnet.Fault;
import org.firebreak.devnet.FaultReport;
import org.firebreak.incident.IncidentFilter;
import org.firebreak.incident.IncidentView;
import org.firebreak.incident.StepView;
import org.firebreak.shared.IncidentType;
import org.firebreak.shared.Severity;
import org.firebreak.support.IsolatedDevnet;
import org.firebreak.support.TestDevnet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The EIP-7702 watch on a devnet of its own (the drill sweeps the account's ETH for good), with the scheduler running
 * as in production: the devnet's served account, delegated to its EIP7702StatelessDeleGator at deployment, is
 * re-delegated by a real type-4 transaction to a sweeper that is on no allowlist. Exactly one Critical incident opens,
 * naming the account, the old and the new delegate and the block and transaction of the authorization; the
 * "Delegated account drained" playbook is its checklist, and its three checks run by themselves with their evidence.
 */
class Eip7702WatchOnDevnetTests extends OnIsolatedDevnetTest {

    @RegisterExtension
    static final IsolatedDevnet isolated = new IsolatedDevnet();
    private static final Devnet devnet = isolated.devnet();
    private static final Pattern DRAINED = Pattern.compile(
            "account (0x[0-9a-f]{40}) re-delegated from DeleGator (0x[0-9a-f]{40}) to sweeper (0x[0-9a-f]{40}) at block (\\d+)");
    private static final IncidentType DRAINED_TYPE = IncidentType.of("DELEGATED_ACCOUNT_DRAINED");

    @DynamicPropertySource
    static void chain(DynamicPropertyRegistry registry) {
        isolated.register(registry);
    }

    @Autowired
    Diagnostics diagnostics;

    @Test
    void aServedAccountReDelegatedToASweeperOpensOneCriticalIncidentWhoseChecksFindTheDrain() {
        ChainProfile.Accounts watched = devnet.profile().accounts();
        String account = watched.served().getFirst();
        String deleGator = watched.allowedDelegates().getLast();
        TestDevnet.awaitFollowing(chainEvents);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> delegatedAccounts().evidence()
                .getOrDefault(account + ".delegate", "").equals(deleGator + " (allowlisted)"));
        assertThat(delegatedAccounts().status()).isEqualTo(Finding.Status.OK);

        FaultReport drained = devnet.faults().inject(Fault.DRAIN_DELEGATED_ACCOUNT);
        Matcher m = DRAINED.matcher(drained.summary());
        assertThat(m.find()).as(drained.summary()).isTrue();
        assertThat(m.group(1)).isEqualTo(account);
        assertThat(m.group(2)).isEqualTo(deleGator);
        String sweeper = m.group(3);
        long block = Long.parseLong(m.group(4));

        String key = "delegate-not-allowed:" + account;
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> alerts
                .find(AlertApi.RULES, key).filter(a -> a.incident() != null && a.status() == AlertStatus.FIRING).isPresent());
        IncidentView incident = incidents.get(alerts.find(AlertApi.RULES, key).orElseThrow().incident());
        assertThat(incident.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(incident.type()).isEqualTo(DRAINED_TYPE);
        assertThat(incident.title()).isEqualTo("Served account delegated outside the allowlist: " + account);
        assertThat(incident.summary()).contains(account + " delegates to " + sweeper + ", which is not on the allowlist",
                "was " + deleGator + "; re-delegated in block " + block + ", tx " + drained.txHash());

        ChainEvent change = chainEvents.latest("DelegateChanged").orElseThrow();
        assertThat(change.blockNumber()).isEqualTo(block);
        assertThat(change.txHash()).as("the authorization was decoded from the type-4 transaction").isEqualTo(drained.txHash());
        assertThat(change.fields()).containsEntry("account", account).containsEntry("oldDelegate", deleGator)
                .containsEntry("newDelegate", sweeper).containsEntry("allowed", "false").containsEntry("firstSeen", "false");

        assertThat(incident.checklist()).extracting(StepView::automation).contains("diagnostic:delegated-accounts",
                "diagnostic:account-outflows", "diagnostic:shared-delegate");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> checks(incident).size() == 3);
        Map<String, StepView.Outcome> checks = checks(incident);
        StepView.Outcome delegate = checks.get("diagnostic:delegated-accounts");
        assertThat(delegate.result()).isEqualTo("FAIL");
        assertThat(delegate.evidence()).containsEntry(account + ".delegate", sweeper + " (NOT on the allowlist)");
        StepView.Outcome outflows = checks.get("diagnostic:account-outflows");
        assertThat(outflows.result()).isEqualTo("FAIL");
        assertThat(outflows.summary()).contains(account + " lost 5 ETH since block " + block + " (5 ETH → 0 ETH)");
        assertThat(outflows.evidence()).containsEntry(account + ".balanceBefore", "5 ETH at block " + (block - 1))
                .containsEntry(account + ".delegate", sweeper);
        StepView.Outcome others = checks.get("diagnostic:shared-delegate");
        assertThat(others.result()).as("no other served account points to the sweeper").isEqualTo("WARN");
        assertThat(others.evidence()).containsEntry(sweeper + ".accounts", account);
        assertThat(others.evidence().get(sweeper + ".code")).endsWith("(33 bytes)");

        pause(devnet.profile().blockTime().plusSeconds(1));
        assertThat(alerts.find(AlertApi.RULES, key).orElseThrow().incident()).isEqualTo(incident.id());
        assertThat(incidents.list(new IncidentFilter(null, null, null, null, null), 0, 100).items())
                .filteredOn(i -> i.type().equals(DRAINED_TYPE)).as("one incident for the re-delegation").hasSize(1);
    }

    private Finding delegatedAccounts() {
        return diagnostics.run("delegated-accounts", Map.of()).orElseThrow();
    }

    /** The incident's automated checks that ran, by automation id. */
    private Map<String, StepView.Outcome> checks(IncidentView opened) {
        List<StepView> steps = incidents.get(opened.id()).checklist();
        return steps.stream().filter(s -> s.automation() != null && s.automation().startsWith("diagnostic:")
                && s.outcome() != null).collect(java.util.stream.Collectors.toMap(StepView::automation, s -> s.outcome(),
                        (a, b) -> a));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
