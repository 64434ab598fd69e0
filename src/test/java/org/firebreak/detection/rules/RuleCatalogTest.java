package org.firebreak.detection.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.firebreak.shared.IncidentType;
import org.firebreak.shared.InvalidConfiguration;
import org.firebreak.shared.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleCatalogTest {

    static final Set<String> DIAGNOSTICS = Set.of("rpc-status", "entrypoint", "account-factory", "delegation-framework",
            "gas-prices", "expiry", "network-status", "delegated-accounts");
    static final Set<IncidentType> TYPES = Set.of(IncidentType.ACCOUNT_CREATION_FAILURE, IncidentType.DELEGATION_FAILURE,
            IncidentType.PERFORMANCE_DEGRADATION, IncidentType.UNCLASSIFIED, IncidentType.of("DELEGATED_ACCOUNT_DRAINED"));

    @TempDir
    Path dir;

    @Test
    void shipsTheOperatorsThreeRulesWithTheirThresholdsAndTheChainRules() {
        RuleCatalog catalog = new RuleCatalog(dir, DIAGNOSTICS, TYPES);

        assertThat(catalog.all()).extracting(Rule::id).containsExactly("high-gas-usage", "failed-operations",
                "delegation-expiry", "rpc-endpoint-down", "rpc-wrong-chain", "chain-halted", "entrypoint-code-changed",
                "entrypoint-version-unsupported", "account-factory-code-changed", "delegation-manager-paused",
                "delegation-manager-ownership", "paymaster-deposit-low", "gas-price-over-ceiling", "delegate-not-allowed",
                "ownership-transfer-started", "ownership-transferred", "contract-paused", "contract-unpaused",
                "implementation-upgraded", "proxy-admin-changed", "delegation-framework-code-changed", "staged-contract");
        Rule gas = catalog.find("high-gas-usage").orElseThrow();
        assertThat(gas.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(gas.notification()).isEqualTo(Rule.Notify.TEAM);
        assertThat(gas.event().where()).isEqualTo("actualGasUsed > 500000");
        Rule failed = catalog.find("failed-operations").orElseThrow();
        assertThat(failed.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(failed.notification()).isEqualTo(Rule.Notify.PAGE);
        assertThat(failed.event().moreThan()).isEqualTo(10);
        assertThat(failed.event().window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(List.of(gas, failed)).as("counted per EntryPoint").allSatisfy(rule -> {
            assertThat(rule.isPerSubject()).isTrue();
            assertThat(rule.event().by()).isEqualTo("entryPoint");
        });
        Rule expiry = catalog.find("delegation-expiry").orElseThrow();
        assertThat(expiry.severity()).isEqualTo(Severity.LOW);
        assertThat(expiry.notification()).isEqualTo(Rule.Notify.EMAIL);
        assertThat(catalog.find("entrypoint-code-changed").orElseThrow().criteria()).containsExactly("SECURITY_BREACH");
        Rule delegate = catalog.find("delegate-not-allowed").orElseThrow();
        assertThat(delegate.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(delegate.type()).isEqualTo(IncidentType.of("DELEGATED_ACCOUNT_DRAINED"));
        assertThat(delegate.diagnostic().problems()).containsExactly("delegate.not-allowed");
    }

    @Test
    void adminChangesAreCriticalPerContractAndShareTheirRolesIncidentStagingIsHigh() {
        RuleCatalog catalog = new RuleCatalog(dir, DIAGNOSTICS, TYPES);

        for (String id : java.util.List.of("ownership-transfer-started", "ownership-transferred", "contract-paused",
                "contract-unpaused", "implementation-upgraded", "proxy-admin-changed")) {
            Rule rule = catalog.find(id).orElseThrow();
            assertThat(rule.severity()).as(id).isEqualTo(Severity.CRITICAL);
            assertThat(rule.criteria()).as(id).containsExactly("SECURITY_BREACH");
            assertThat(rule.isPerSubject()).as(id).isTrue();
            assertThat(rule.event().by()).as(id).isEqualTo("address");
            assertThat(rule.group()).as(id).isEqualTo("admin-change:{contract}");
        }
        assertThat(catalog.find("ownership-transferred").orElseThrow().title()).contains("{newOwner}");
        assertThat(catalog.find("ownership-transferred").orElseThrow().event().where()).contains("expected == false");
        assertThat(catalog.find("delegation-manager-ownership").orElseThrow().group())
                .isEqualTo("admin-change:delegationManager");
        Rule staged = catalog.find("staged-contract").orElseThrow();
        assertThat(staged.severity()).isEqualTo(Severity.HIGH);
        assertThat(staged.event().name()).isEqualTo("StagedContract");
        assertThat(staged.title()).contains("{deployer}", "{address}");
    }

    @Test
    void operatorsReplaceAndTurnOffShippedRulesAndAddTheirOwn() throws IOException {
        Files.writeString(dir.resolve("ours.yml"), """
                rules:
                  - id: high-gas-usage
                    title: Very high gas
                    severity: HIGH
                    event: { name: UserOperationEvent, where: "actualGasUsed > 2000000", window: 10m, moreThan: 0 }
                  - id: gas-price-over-ceiling
                    title: off
                    severity: LOW
                    enabled: false
                    diagnostic: { name: gas-prices }
                  - id: many-incidents
                    title: Many critical incidents open
                    severity: HIGH
                    for: 1m
                    metric: { name: firebreak.incidents.open, tags: { severity: critical }, above: 2 }
                """);

        RuleCatalog catalog = new RuleCatalog(dir, DIAGNOSTICS, TYPES);

        assertThat(catalog.find("high-gas-usage").orElseThrow().event().window()).isEqualTo(Duration.ofMinutes(10));
        assertThat(catalog.enabled()).extracting(Rule::id).doesNotContain("gas-price-over-ceiling")
                .contains("many-incidents");
        assertThat(catalog.find("many-incidents").orElseThrow().forDuration()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void anUnknownDiagnosticStopsLoadingNamingFileAndField() throws IOException {
        Files.writeString(dir.resolve("bad.yml"), """
                rules:
                  - id: typo
                    title: Typo
                    severity: HIGH
                    diagnostic: { name: entry-point }
                """);

        assertThatThrownBy(() -> new RuleCatalog(dir, DIAGNOSTICS, TYPES)).isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("bad.yml").hasMessageContaining("rules[0].diagnostic.name")
                .hasMessageContaining("entry-point");
    }

    @Test
    void aRuleWithTwoSourcesOrABadExpressionIsRefusedWithItsLine() throws IOException {
        Files.writeString(dir.resolve("two.yml"), """
                rules:
                  - id: both
                    title: Both
                    severity: HIGH
                    diagnostic: { name: expiry }
                    metric: { name: x, above: 1 }
                """);
        assertThatThrownBy(() -> new RuleCatalog(dir, DIAGNOSTICS, TYPES)).isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("two.yml").hasMessageContaining("exactly one source");

        Files.delete(dir.resolve("two.yml"));
        Files.writeString(dir.resolve("where.yml"), """
                rules:
                  - id: broken
                    title: Broken
                    severity: HIGH
                    event: { name: UserOperationEvent, where: "success ==", window: 5m, moreThan: 0 }
                """);
        assertThatThrownBy(() -> new RuleCatalog(dir, DIAGNOSTICS, TYPES)).isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("where.yml").hasMessageContaining("where");
    }

    @Test
    void anIncidentTypeWithoutAPlaybookIsRefused() throws IOException {
        Files.writeString(dir.resolve("type.yml"), """
                rules:
                  - id: typed
                    title: Typed
                    severity: HIGH
                    type: BRIDGE_FAILURE
                    diagnostic: { name: expiry }
                """);
        assertThatThrownBy(() -> new RuleCatalog(dir, DIAGNOSTICS, TYPES)).isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("rules[0].type").hasMessageContaining("BRIDGE_FAILURE");
    }
}
