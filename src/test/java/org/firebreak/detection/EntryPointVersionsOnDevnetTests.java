package org.firebreak.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.firebreak.chain.ChainEvent;
import org.firebreak.chain.EntryPointVersion;
import org.firebreak.devnet.DeployedStack.DeployedEntryPoint;
import org.firebreak.devnet.Devnet;
import org.firebreak.devnet.SentOperations;
import org.firebreak.shared.Severity;
import org.firebreak.support.IsolatedDevnet;
import org.firebreak.support.TestDevnet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The acceptance for EntryPoint v0.8 and v0.9 beside v0.7, on a devnet of its own that deployed all three
 * from their npm artifacts: user operations that fail through the v0.8 and the v0.9 EntryPoint (SimpleAccounts of
 * those releases, signed over their EIP-712 userOpHash) are followed, decoded with their EntryPoint and version, and
 * counted by the failed-operations rule per EntryPoint: ten failures on one are not more than ten, the eleventh fires
 * that EntryPoint's alert and opens a Critical incident, and the other EntryPoints' counts stay their own. A v0.9
 * EntryPoint ignoring the initCode of a deployed account is followed as its own {@code IgnoredInitCode} event.
 */
@TestPropertySource(properties = "firebreak.detection.storm-guard.enabled=false")
class EntryPointVersionsOnDevnetTests extends OnIsolatedDevnetTest {

    @RegisterExtension
    static final IsolatedDevnet isolated = new IsolatedDevnet();
    private static final Devnet devnet = isolated.devnet();
    private static final Duration LIMIT = devnet.profile().blockTime().plusSeconds(10);

    @DynamicPropertySource
    static void chain(DynamicPropertyRegistry registry) {
        isolated.register(registry);
    }


    @Test
    void failedOperationsOnAVersionZeroEightOrZeroNineEntryPointAreCountedByTheFailedOperationsRulePerEntryPoint() {
        TestDevnet.awaitFollowing(chainEvents);
        assertThat(devnet.profile().contracts().entryPoints()).extracting(e -> e.version())
                .containsExactly(EntryPointVersion.V07, EntryPointVersion.V08, EntryPointVersion.V09);

        for (EntryPointVersion release : List.of(EntryPointVersion.V08, EntryPointVersion.V09)) {
            DeployedEntryPoint entryPoint = devnet.state().stack().entryPoint(release);
            String key = "failed-operations:" + entryPoint.entryPoint().toLowerCase(Locale.ROOT);

            SentOperations ten = devnet.userOperations(release).sendFailing(10);
            assertThat(ten.operations()).as(release.label()).hasSize(10).noneMatch(op -> op.success());
            assertThat(ten.operations().getFirst().accountDeployed()).as("the first creates the " + release.label()
                    + " account").isTrue();
            awaitFollowed(ten);
            pause(devnet.profile().blockTime().plusSeconds(1));
            assertThat(alerts.find(AlertApi.RULES, key)).as("10 failed operations on " + release.label()
                    + " are not more than 10").isEmpty();

            SentOperations eleventh = devnet.userOperations(release).sendFailing(1);
            AlertView alert = awaitFiring(key);
            assertThat(incidents.get(alert.incident()).severity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.labels()).containsEntry("subject", entryPoint.entryPoint().toLowerCase(Locale.ROOT));

            String sender = eleventh.account().address().toLowerCase(Locale.ROOT);
            List<ChainEvent> failed = chainEvents.between("UserOperationEvent", Instant.EPOCH, Instant.now().plusSeconds(3600),
                    1000).stream().filter(e -> entryPoint.entryPoint().equalsIgnoreCase(e.address())
                            && sender.equals(e.fields().get("sender"))).toList();
            assertThat(failed).as(release.label() + " operations followed").hasSize(11).allSatisfy(e -> {
                assertThat(e.contract()).isEqualTo("entryPoint");
                assertThat(e.fields()).containsEntry("success", "false")
                        .containsEntry("entryPointVersion", release.label())
                        .containsEntry("entryPoint", entryPoint.entryPoint().toLowerCase(Locale.ROOT));
            });
            assertThat(chainEvents.count("AccountDeployed", Instant.EPOCH, Instant.now().plusSeconds(3600),
                    Map.of("entryPointVersion", release.label(), "sender", sender))).as(release.label()
                            + " account deployed").isEqualTo(1);
        }
        String v07 = devnet.state().stack().entryPoint().toLowerCase(Locale.ROOT);
        assertThat(alerts.find(AlertApi.RULES, "failed-operations:" + v07)).as("nothing failed on v0.7").isEmpty();
        assertThat(alerts.find(AlertApi.RULES, "failed-operations")).as("no alert across EntryPoints").isEmpty();
    }

    @Test
    void aVersionZeroNineEntryPointIgnoringTheInitCodeOfADeployedAccountIsFollowedAsIgnoredInitCode() {
        TestDevnet.awaitFollowing(chainEvents);
        var operations = devnet.userOperations(EntryPointVersion.V09);
        var account = operations.newAccount();
        operations.send(account, 1, 0, 0);

        SentOperations repeated = operations.sendRepeatingInitCode(account);

        assertThat(repeated.operations().getFirst().success()).isTrue();
        awaitFollowed(repeated);
        ChainEvent ignored = chainEvents.latest("IgnoredInitCode").orElseThrow();
        assertThat(ignored.txHash()).isEqualTo(repeated.bundles().getFirst().txHash());
        assertThat(ignored.fields()).containsEntry("sender", account.address().toLowerCase(Locale.ROOT))
                .containsEntry("userOpHash", repeated.operations().getFirst().userOpHash())
                .containsEntry("unusedFactory", devnet.state().stack().entryPoint(EntryPointVersion.V09).accountFactory()
                        .toLowerCase(Locale.ROOT))
                .containsEntry("entryPointVersion", "v0.9");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> devnet.userOperations(EntryPointVersion.V08)
                .sendRepeatingInitCode(account)).hasMessageContaining("AA10");
    }

    private void awaitFollowed(SentOperations sent) {
        long block = sent.bundles().getLast().blockNumber().longValueExact();
        org.awaitility.Awaitility.await().atMost(LIMIT)
                .until(() -> chainEvents.position().map(p -> p.block() >= block).orElse(false));
    }

    private AlertView awaitFiring(String key) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        Optional<AlertView> alert = Optional.empty();
        while (alert.isEmpty() && System.nanoTime() < deadline) {
            alert = alerts.find(AlertApi.RULES, key).filter(a -> a.incident() != null && a.status() == AlertStatus.FIRING);
            pause(Duration.ofMillis(100));
        }
        assertThat(alert).as(key + " fired with an incident within " + LIMIT.toSeconds() + " s").isPresent();
        return alert.get();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
