package org.firebreak.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.firebreak.support.HttpApi;
import org.firebreak.support.HttpApi.Response;
import org.firebreak.support.TestDevnet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * "Pause system" end to end: over HTTP, through the incident module's guard, on the shared devnet with its real
 * guardian keystore, on the system clock (receipt waits are real time). Logging is turned up to DEBUG so that
 * whatever Firebreak or web3j might log is there to be searched for the key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "firebreak.data-dir=./target/test-data/${random.uuid}", "firebreak.devnet=true",
        "firebreak.access.bootstrap-token=" + HttpApi.BOOTSTRAP_TOKEN,
        "firebreak.playbooks.directory=target/test-data/no-operator-playbooks", "firebreak.scheduler.enabled=false",
        "logging.level.org.firebreak=DEBUG", "logging.level.org.web3j=DEBUG", "logging.level.okhttp3=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
@Tag("integration")
class PauseSystemIntegrationTests {

    @RegisterExtension
    static final DevnetProbe chain = DevnetProbe.anvil();
    private static final String manager = DevnetProbe.delegationManager();
    private static final String guardian = DevnetProbe.guardian();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void devnetProfile(DynamicPropertyRegistry registry) {
        registry.add("firebreak.chain.profile", () -> TestDevnet.profilePath().toString());
    }

    private HttpApi as(String actor) {
        return new HttpApi(port).as(actor);
    }

    private String openCritical(String commander) {
        return as("alice").post("/api/v1/incidents", "{\"title\": \"Redemptions drained\", \"criteria\": [\"funds at risk\"],"
                + " \"type\": \"DELEGATION_FAILURE\", \"commander\": \"" + commander + "\"}").json().get("id").asString();
    }

    private Response runPauseStep(String id, String actor) {
        return as(actor).post("/api/v1/incidents/" + id + "/checklist/1/run", "{\"confirm\": true}");
    }

    private static JsonNode pauseStep(Response response) {
        JsonNode step = response.json().get("checklist").get(0);
        assertThat(step.get("automation").asString()).isEqualTo("action:pause-contracts");
        return step;
    }

    /** Without the deliveries of the incident's notices, which land on their own threads anywhere among the rest. */
    private List<String> timeline(String id) {
        List<String> texts = new ArrayList<>();
        as("alice").get("/api/v1/incidents/" + id + "/timeline").json().forEach(e -> {
            if (!e.get("kind").asString().equals("NOTIFICATION")) {
                texts.add(e.get("kind").asString() + ": " + e.get("text").asString());
            }
        });
        return texts;
    }

    @Test
    void theCommanderPausesTheSystemFromTheChecklistAndUnpausesItInRecovery(CapturedOutput output) throws Exception {
        String id = openCritical("carol");
        BigInteger nonce = chain.nonce(guardian);

        long started = System.nanoTime();
        Response paused = runPauseStep(id, "carol");
        Duration roundTrip = Duration.ofNanos(System.nanoTime() - started);

        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        JsonNode outcome = pauseStep(paused).get("outcome");
        String tx = outcome.get("evidence").get("txHash").asString();
        assertThat(outcome.get("result").asString()).isEqualTo("OK");
        assertThat(outcome.get("summary").asString()).isEqualTo("Paused DelegationManager " + manager + " in tx " + tx
                + " (block " + chain.receipt(tx).getBlockNumber() + ")");
        assertThat(chain.paused(manager)).isTrue();
        assertThat(chain.receipt(tx).isStatusOK()).isTrue();
        assertThat(chain.nonce(guardian)).isEqualTo(nonce.add(BigInteger.ONE));
        assertThat(timeline(id)).anySatisfy(line -> assertThat(line).startsWith("STEP_RAN: Ran step 1 'Pause system': OK")
                .contains("in tx " + tx).doesNotContain("(tx "));
        System.out.println("pause round trip over HTTP: " + roundTrip.toMillis() + " ms (action "
                + outcome.get("evidence").get("elapsedMs").asString() + " ms)");

        Response unpaused = as("carol").post("/api/v1/incidents/" + id + "/actions/unpause-contracts", "{\"confirm\": true}");

        assertThat(unpaused.status()).as(unpaused.body()).isEqualTo(200);
        assertThat(chain.paused(manager)).isFalse();
        assertThat(chain.nonce(guardian)).isEqualTo(nonce.add(BigInteger.TWO));
        assertThat(timeline(id).getLast()).startsWith("ACTION_RAN: Ran action:unpause-contracts: OK - Unpaused "
                + "DelegationManager " + manager + " in tx 0x").doesNotContain("(tx 0x");
        DevnetProbe.assertNoSecretIn(output.getAll(), paused.body(), unpaused.body(),
                as("alice").get("/api/v1/incidents/" + id + "/timeline").body());
    }

    @Test
    void pausingAgainOnASecondIncidentSaysAlreadyPausedAndSendsNothing() throws Exception {
        assertThat(runPauseStep(openCritical("carol"), "carol").status()).isEqualTo(200);
        String second = openCritical("dave");
        BigInteger nonce = chain.nonce(guardian);

        Response again = runPauseStep(second, "dave");

        assertThat(again.status()).isEqualTo(200);
        JsonNode outcome = pauseStep(again).get("outcome");
        assertThat(outcome.get("result").asString()).isEqualTo("OK");
        assertThat(outcome.get("summary").asString())
                .isEqualTo("DelegationManager " + manager + " was already paused: no transaction sent");
        assertThat(outcome.get("evidence").has("txHash")).isFalse();
        assertThat(chain.nonce(guardian)).isEqualTo(nonce);
        assertThat(timeline(second)).filteredOn(line -> line.startsWith("STEP_RAN: Ran step 1 'Pause system'"))
                .singleElement().asString().doesNotContain("(tx ");
    }

    @Test
    void someoneWhoIsNotTheCommanderIsRefusedAndNothingIsSent() throws Exception {
        String id = openCritical("carol");
        BigInteger nonce = chain.nonce(guardian);

        Response byBob = runPauseStep(id, "bob");
        Response unconfirmed = as("carol").post("/api/v1/incidents/" + id + "/checklist/1/run", "{}");

        assertThat(byBob.status()).isEqualTo(403);
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(chain.nonce(guardian)).isEqualTo(nonce);
        assertThat(chain.paused(manager)).isFalse();
        assertThat(timeline(id)).contains("ACTION_REFUSED: Refused action:pause-contracts: only the incident commander "
                + "(carol) may run actions, not bob");
    }

}
