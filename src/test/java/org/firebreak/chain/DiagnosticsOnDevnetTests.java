package org.firebreak.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.firebreak.chain.Finding.Status;
import org.firebreak.devnet.Fault;
import org.firebreak.support.HttpApi;
import org.firebreak.support.TestDevnet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Every diagnostic against the real devnet: OK on a healthy stack, FAIL or WARN naming the cause for each
 * injected fault, OK again once the fault is cleared. System clock: chain time is real time here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "firebreak.data-dir=./target/test-data/${random.uuid}", "firebreak.devnet=true",
        "firebreak.access.bootstrap-token=" + HttpApi.BOOTSTRAP_TOKEN,
        "firebreak.playbooks.directory=target/test-data/no-operator-playbooks",
        "firebreak.scheduler.enabled=false" })
@Tag("integration")
class DiagnosticsOnDevnetTests {

    @Autowired
    Diagnostics diagnostics;

    @Autowired
    EndpointStats stats;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void devnetProfile(DynamicPropertyRegistry registry) {
        registry.add("firebreak.chain.profile", () -> TestDevnet.profilePath().toString());
    }

    @AfterEach
    void clearFaults() {
        TestDevnet.faults().clear();
    }

    private Finding run(String name) {
        return diagnostics.run(name, Map.of()).orElseThrow();
    }

    private void assertFaultNamedThenCleared(Fault fault, String diagnostic, Status status, String... named) {
        TestDevnet.faults().inject(fault);
        Finding faulty = run(diagnostic);
        assertThat(faulty.status()).as(faulty.summary()).isEqualTo(status);
        assertThat(faulty.summary()).contains(named);

        TestDevnet.faults().clear();
        Finding cleared = run(diagnostic);
        assertThat(cleared.status()).as(cleared.summary()).isEqualTo(Status.OK);
    }

    @Test
    void thePauseScopeNamesThePausableContractsAndTheGuardianOfTheProfileInForce() {
        ChainProfile profile = TestDevnet.profile();

        Diagnostics.PauseScope scope = diagnostics.pauseScope().orElseThrow();

        assertThat(scope.contracts()).extracting(ChainProfile.ContractRef::address)
                .containsExactlyElementsOf(profile.contracts().pausable().stream().map(ChainProfile.ContractRef::address).toList())
                .contains(profile.contracts().delegationManager().address());
        assertThat(scope.guardian()).isEqualTo(profile.guardian().address()).startsWith("0x");
    }

    @Test
    void aHealthyStackIsOkEverywhereButTheDelegationThatExpiresThisWeek() {
        for (String name : List.of("rpc-status", "entrypoint", "account-factory", "gas-prices", "delegation-framework",
                "permissions", "network-status", "rpc-performance", "delegated-accounts", "account-outflows",
                "shared-delegate")) {
            Finding finding = run(name);
            assertThat(finding.status()).as(name + ": " + finding.summary()).isEqualTo(Status.OK);
            assertThat(finding.summary()).isNotBlank();
        }
        Finding expiry = run("expiry");
        assertThat(expiry.status()).isEqualTo(Status.WARN);
        assertThat(expiry.summary()).containsPattern("delegation \\S+ expires in [23]d");
    }

    @Test
    void aPausedDelegationManagerIsNamedWithTheBlockItWasPausedAt() {
        var report = TestDevnet.faults().inject(Fault.PAUSE_DELEGATION_MANAGER);
        Finding finding = run("delegation-framework");
        String manager = TestDevnet.profile().contracts().delegationManager().address();
        assertThat(finding.status()).isEqualTo(Status.FAIL);
        assertThat(finding.summary()).containsPattern("DelegationManager " + manager + " is paused since block \\d+");
        assertThat(finding.evidence()).containsEntry("paused", "true").containsKey("pausedSinceBlock");
        assertThat(report.txHash()).isNotNull();

        TestDevnet.faults().clear();
        assertThat(run("delegation-framework").status()).isEqualTo(Status.OK);
    }

    @Test
    void aPauseAndUnpauseAreRecentChangesNamedWithTheirBlockAndTransaction() {
        var pause = TestDevnet.faults().inject(Fault.PAUSE_DELEGATION_MANAGER);
        TestDevnet.faults().clear();

        Finding changes = run("recent-changes");

        assertThat(changes.status()).isEqualTo(Status.WARN);
        assertThat(changes.summary()).containsPattern("latest: Unpaused on DelegationManager at block \\d+");
        assertThat(changes.evidence().values()).anySatisfy(v -> assertThat(v).startsWith("Paused on DelegationManager")
                .contains(pause.txHash()));
    }

    @Test
    void entryPointCodeRemovedOrReplacedFails() {
        String entryPoint = TestDevnet.profile().contracts().entryPoint().address();
        assertFaultNamedThenCleared(Fault.REMOVE_ENTRYPOINT_CODE, "entrypoint", Status.FAIL, entryPoint, "has no code");
        assertFaultNamedThenCleared(Fault.REPLACE_ENTRYPOINT_CODE, "entrypoint", Status.FAIL, entryPoint, "code changed");
    }

    @Test
    void aDrainedPaymasterFailsTheEntryPointCheck() {
        assertFaultNamedThenCleared(Fault.DRAIN_PAYMASTER, "entrypoint", Status.FAIL, "deposit 0 ETH is below", "AA31");
    }

    @Test
    void removedFactoryCodeFailsTheAccountFactoryCheck() {
        String factory = TestDevnet.profile().contracts().accountFactory().address();
        assertFaultNamedThenCleared(Fault.REMOVE_FACTORY_CODE, "account-factory", Status.FAIL, factory, "has no code");
    }

    @Test
    void aBaseFeeSpikeWarnsAboveTheCeiling() {
        assertFaultNamedThenCleared(Fault.SPIKE_BASE_FEE, "gas-prices", Status.WARN, "above the ceiling of 50 gwei");
    }

    @Test
    void aDisabledDelegationFailsThePermissionsCheck() {
        assertFaultNamedThenCleared(Fault.DISABLE_DELEGATION, "permissions", Status.FAIL, "is disabled",
                "CannotUseADisabledDelegation");
    }

    @Test
    void aHaltedChainIsNamedWithTheLastBlock() throws InterruptedException {
        TestDevnet.faults().inject(Fault.STOP_BLOCKS);
        Thread.sleep(TestDevnet.profile().blockTime().multipliedBy(3).plusSeconds(2));
        Finding network = run("network-status");
        Finding rpc = run("rpc-status");
        assertThat(network.status()).isEqualTo(Status.FAIL);
        assertThat(network.summary()).containsPattern("chain halted: no block for \\d+ s since block \\d+");
        assertThat(rpc.status()).isEqualTo(Status.FAIL);
        assertThat(rpc.summary()).contains("head not advancing");

        TestDevnet.faults().clear();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> run("network-status").status() == Status.OK);
    }

    @Test
    void aFailingPrimaryEndpointWarnsWhileTheSecondaryCarriesTheChecks() {
        TestDevnet.faults().inject(Fault.RPC_FAIL);
        Finding rpc = run("rpc-status");
        assertThat(rpc.status()).isEqualTo(Status.WARN);
        assertThat(rpc.summary()).contains("primary").contains("unreachable");
        Finding entryPoint = run("entrypoint");
        assertThat(entryPoint.status()).as("failover to the secondary").isEqualTo(Status.OK);
        assertThat(entryPoint.evidence()).containsEntry("endpoint", "secondary");

        TestDevnet.faults().clear();
        assertThat(run("rpc-status").status()).isEqualTo(Status.OK);
    }

    @Test
    void aPrimaryOnTheWrongChainFailsTheRpcCheckWhileTheSecondaryCarriesTheOtherChecks() {
        TestDevnet.faults().inject(Fault.WRONG_CHAIN_ID);

        assertThat(run("rpc-status")).satisfies(
                rpc -> assertThat(rpc.problems()).extracting(Finding.Problem::code, Finding.Problem::subject,
                        Finding.Problem::status).containsExactly(org.assertj.core.groups.Tuple.tuple("rpc.wrong-chain",
                                "primary", Status.FAIL)),
                rpc -> assertThat(rpc.evidence()).containsEntry("endpoint", "secondary")
                        .containsEntry("primary.state", "wrong-chain"));
        assertThat(run("entrypoint")).extracting(Finding::status, f -> f.evidence().get("endpoint"))
                .containsExactly(Status.OK, "secondary");

        TestDevnet.faults().clear();
        assertThat(run("rpc-status").evidence()).as("its probe takes the primary back").containsEntry("endpoint", "primary");
        assertThat(run("entrypoint").evidence()).containsEntry("endpoint", "primary");
    }

    @Test
    void aSlowPrimaryEndpointIsReportedWithItsLatency() {
        TestDevnet.faults().inject(Fault.RPC_SLOW);
        Finding rpc = run("rpc-status");
        Finding performance = run("rpc-performance");
        assertThat(rpc.status()).isEqualTo(Status.WARN);
        assertThat(rpc.summary()).containsPattern("primary answered in \\d{4} ms \\(slow above 500 ms\\)");
        assertThat(performance.status()).isEqualTo(Status.WARN);
        assertThat(performance.summary()).contains("primary p95 latency");

        TestDevnet.faults().clear();
        assertThat(run("rpc-status").status()).isEqualTo(Status.OK);
    }

    @Test
    void anAccountCreationIncidentOpenedWhileTheFactoryIsGoneShowsWhereTheFaultIs() {
        TestDevnet.faults().inject(Fault.REMOVE_FACTORY_CODE);
        HttpApi api = new HttpApi(port);
        String id = api.post("/api/v1/incidents", "{\"title\": \"accounts cannot be created\", "
                + "\"criteria\": [\"functionality degraded\"], \"type\": \"ACCOUNT_CREATION_FAILURE\"}").json()
                .get("id").asString();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> outcomes(api, id).size() == 4);

        Map<String, JsonNode> outcomes = outcomes(api, id);
        assertThat(outcomes.get("check-rpc-endpoint-status").get("result").asString()).isEqualTo("OK");
        assertThat(outcomes.get("check-entrypoint-contract").get("result").asString()).isEqualTo("OK");
        JsonNode factory = outcomes.get("check-account-factory-contract");
        assertThat(factory.get("result").asString()).isEqualTo("FAIL");
        assertThat(factory.get("summary").asString()).contains("has no code");
        String factoryName = TestDevnet.profile().contracts().accountFactory().name();
        assertThat(factory.get("evidence").get(factoryName + ".code").asString()).isEqualTo("none");
        assertThat(factory.get("evidence").has("block")).isTrue();
    }

    private static Map<String, JsonNode> outcomes(HttpApi api, String id) {
        Map<String, JsonNode> outcomes = new java.util.HashMap<>();
        api.get("/api/v1/incidents/" + id + "/checklist").json().forEach(step -> {
            if (step.get("outcome") != null && !step.get("outcome").isNull()) {
                outcomes.put(step.get("stepId").asString(), step.get("outcome"));
            }
        });
        return outcomes;
    }

    @Test
    void aPlaybooksChecksRunWellUnderASecondInAFewBatchedRoundTrips() {
        List<String> creationChecks = List.of("rpc-status", "entrypoint", "account-factory", "gas-prices");
        run("rpc-status");
        long callsBefore = totalCalls();
        long started = System.nanoTime();
        List<Finding> findings = new ArrayList<>();
        creationChecks.forEach(name -> findings.add(run(name)));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long roundTrips = totalCalls() - callsBefore;

        System.out.printf("account-creation checks: %d ms, %d HTTP round trips%n", took.toMillis(), roundTrips);
        assertThat(findings).allSatisfy(f -> assertThat(f.status()).isEqualTo(Status.OK));
        assertThat(took).isLessThan(Duration.ofSeconds(1));
        assertThat(roundTrips).as("one batch per endpoint for rpc-status, one batch per other check").isEqualTo(5);
    }

    private long totalCalls() {
        return TestDevnet.profile().rpc().stream().mapToLong(e -> stats.totalCalls(e.name())).sum();
    }

    @Test
    void aDelegationPastedAsJsonIsCheckedAndAnUnknownEnforcerFails() {
        var watched = TestDevnet.profile().delegations().getFirst();
        String json = "{\"name\": \"pasted\", \"delegate\": \"" + watched.delegate() + "\", \"delegator\": \""
                + watched.delegator() + "\", \"authority\": \"" + watched.authority() + "\", \"caveats\": [{\"enforcer\": "
                + "\"0x00000000000000000000000000000000000bad01\", \"terms\": \"0x\"}], \"salt\": 7, \"signature\": \"0x\"}";

        HttpApi.Response response = new HttpApi(port).post("/api/v1/diagnostics/permissions", json);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("FAIL");
        assertThat(response.json().get("summary").asString())
                .contains("caveat enforcer 0x00000000000000000000000000000000000bad01 has no code");
        assertThat(new HttpApi(port).post("/api/v1/diagnostics/permissions", "{\"name\": \"x\"}").status())
                .isEqualTo(400);
    }

    @Test
    void diagnosticsAreServedOverHttp() {
        HttpApi api = new HttpApi(port);
        JsonNode list = api.get("/api/v1/diagnostics").json();
        assertThat(list).hasSize(13);
        JsonNode finding = api.get("/api/v1/diagnostics/entrypoint").json();
        assertThat(finding.get("status").asString()).isEqualTo("OK");
        assertThat(finding.get("evidence").get("block").asLong()).isPositive();
        assertThat(api.get("/api/v1/diagnostics/nope").status()).isEqualTo(404);
    }
}
