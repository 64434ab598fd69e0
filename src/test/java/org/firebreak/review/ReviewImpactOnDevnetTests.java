package org.firebreak.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.firebreak.detection.AlertApi;
import org.firebreak.detection.AlertView;
import org.firebreak.devnet.Devnet;
import org.firebreak.devnet.SentBundle;
import org.firebreak.devnet.SentOperations;
import org.firebreak.devnet.UserOperations.SmartAccount;
import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.shared.Severity;
import org.firebreak.support.HttpApi;
import org.firebreak.support.OwnSchema;
import org.firebreak.support.TestDevnet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.http.HttpService;

import tools.jackson.databind.JsonNode;

/**
 * The acceptance on a devnet of its own, with the scheduler (block follower, detection rules) running as in
 * production: user operations that fail through the real EntryPoint from three new accounts make the failed-operations
 * rule open an incident; once resolved, its review's impact counts exactly the operations and accounts sent, within a
 * block range that the test checks against the node.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "firebreak.data-dir=./target/test-data/${random.uuid}", "firebreak.devnet=true",
        "firebreak.access.bootstrap-token=" + HttpApi.BOOTSTRAP_TOKEN,
        "firebreak.playbooks.directory=target/test-data/no-operator-playbooks", "firebreak.scheduler.enabled=true" })
@Tag("integration")
// Its scheduler runs: closed after the class, so that it does not go on working behind later classes' backs.
@DirtiesContext
class ReviewImpactOnDevnetTests {

    private static final Devnet devnet = TestDevnet.isolated();

    @DynamicPropertySource
    static void devnet(DynamicPropertyRegistry registry) {
        registry.add("firebreak.chain.profile", () -> devnet.profilePath().toString());
        OwnSchema.register(registry);
    }

    @AfterAll
    static void down() {
        devnet.down();
    }

    @LocalServerPort
    int port;
    @Autowired
    AlertApi alerts;
    @Autowired
    IncidentApi incidents;
    @Autowired
    org.firebreak.chain.ChainEvents chainEvents;

    @Test
    void failingUserOperationsOpenAnIncidentWhoseReviewCountsExactlyWhatWasSentWithTheBlockRange() throws Exception {
        TestDevnet.awaitFollowing(chainEvents);
        List<SentOperations> sent = new ArrayList<>();
        for (int account = 0; account < 3; account++) {
            SmartAccount fresh = devnet.userOperations().newAccount();
            sent.add(devnet.userOperations().send(fresh, 0, 4, 0));
        }
        List<SentBundle.Operation> operations = sent.stream().flatMap(s -> s.operations().stream()).toList();
        assertThat(operations).hasSize(12).allMatch(op -> !op.success());
        List<String> senders = sent.stream().map(s -> s.account().address().toLowerCase()).toList();

        IncidentId incident = awaitIncident("failed-operations:" + devnet.state().stack().entryPoint().toLowerCase());
        assertThat(incidents.get(incident).severity()).isEqualTo(Severity.CRITICAL);
        incidents.changeStatus(incident, IncidentStatus.RESOLVED, "drill over", "test");

        HttpApi api = new HttpApi(port).as("alice");
        assertThat(api.post("/api/v1/incidents/" + incident + "/review", null).status()).isEqualTo(201);
        JsonNode impact = awaitCompleteImpact(api, incident);
        System.out.println("Review impact on the devnet: " + impact.get("chain"));

        JsonNode chain = impact.get("chain");
        assertThat(chain.get("failedOperations").asLong()).isEqualTo(12);
        assertThat(chain.get("byEntryPoint")).as("all through the v0.7 EntryPoint").hasSize(1);
        assertThat(chain.get("byEntryPoint").get(0).get("version").asString()).isEqualTo("v0.7");
        assertThat(chain.get("byEntryPoint").get(0).get("failedOperations").asLong()).isEqualTo(12);
        assertThat(chain.get("affectedAccounts").asLong()).isEqualTo(3);
        assertThat(chain.get("affectedAccountList").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrderElementsOf(senders);
        assertThat(chain.get("failedAccountCreations").asLong()).as("each account's first operation created it and failed")
                .isEqualTo(3);
        assertThat(chain.get("accountsDeployed").asLong()).isEqualTo(3);
        assertThat(chain.get("revertReasons")).hasSize(1);
        assertThat(chain.get("revertReasons").get(0).get("reason").asString()).startsWith("InvalidDelegate");
        assertThat(chain.get("revertReasons").get(0).get("operations").asLong()).isEqualTo(12);
        assertThat(chain.get("gasUsedByFailedOperations").bigIntegerValue()).isEqualTo(operations.stream()
                .map(SentBundle.Operation::actualGasUsed).reduce(BigInteger.ZERO, BigInteger::add));
        assertThat(chain.get("gasCostOfFailedOperations").bigIntegerValue()).isEqualTo(operations.stream()
                .map(SentBundle.Operation::actualGasCost).reduce(BigInteger.ZERO, BigInteger::add));

        long first = chain.get("firstBlock").asLong();
        long last = chain.get("lastBlock").asLong();
        List<Long> bundleBlocks = sent.stream().flatMap(s -> s.bundles().stream())
                .map(b -> b.blockNumber().longValueExact()).toList();
        assertThat(bundleBlocks).allMatch(b -> b >= first && b <= last);
        Instant from = Instant.parse(impact.get("window").get("from").asString());
        Instant to = Instant.parse(impact.get("window").get("to").asString());
        Web3j web3 = Web3j.build(new HttpService(devnet.profile().rpc().getFirst().url().toString()));
        try {
            assertThat(blockTime(web3, first)).as("the first block is at or after the window's start").isAfterOrEqualTo(
                    from.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            if (first > 0) {
                assertThat(blockTime(web3, first - 1)).as("the block before it is not").isBefore(from);
            }
            assertThat(blockTime(web3, last)).as("the last block is at or before the window's end").isBeforeOrEqualTo(to);
        } finally {
            web3.shutdown();
        }
    }

    private IncidentId awaitIncident(String rule) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<AlertView> alert = alerts.find(AlertApi.RULES, rule).filter(a -> a.incident() != null);
            if (alert.isPresent()) {
                return alert.get().incident();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the " + rule + " rule opened no incident within 30 s");
    }

    /** The impact once the block follower has reached the window's last block (it follows about a second behind). */
    private static JsonNode awaitCompleteImpact(HttpApi api, IncidentId incident) throws InterruptedException {
        JsonNode impact = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            impact = api.get("/api/v1/incidents/" + incident + "/review").json().get("impact");
            if (!impact.get("chain").isNull() && impact.get("chain").get("complete").asBoolean()) {
                return impact;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the impact never covered the whole window: " + impact);
    }

    private static Instant blockTime(Web3j web3, long number) throws java.io.IOException {
        return Instant.ofEpochSecond(web3.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)),
                false).send().getBlock().getTimestamp().longValueExact());
    }
}
