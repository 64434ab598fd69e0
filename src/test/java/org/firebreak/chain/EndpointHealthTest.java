package org.firebreak.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.firebreak.chain.ChainProfile.RpcEndpoint;
import org.firebreak.chain.EndpointHealth.Condition;
import org.firebreak.shared.YamlDocuments;
import org.junit.jupiter.api.Test;

/** How each endpoint is judged from what it answered, and where reads go because of it. */
class EndpointHealthTest {

    private static final ChainProfile PROFILE = YamlDocuments.read("chain-profile.yml", new ByteArrayInputStream("""
            chainId: 138
            rpc:
              - { name: primary, url: "http://127.0.0.1:1/", requestsPerMinute: 1200 }
              - { name: secondary, url: "http://127.0.0.1:2/", requestsPerMinute: 1200 }
            contracts:
              entryPoint: { name: EntryPoint, address: "0x0000000071727De22E5E9d8BAf0edAc6f37da032" }
              accountFactory: { name: Factory, address: "0x0000000000000000000000000000000000000f00" }
              delegationManager: { name: DelegationManager, address: "0xdb9B1e94B5b69Df7e401DDbedE43491141047dB3" }
            """.getBytes(StandardCharsets.UTF_8)), ChainProfile.class);
    private static final RpcEndpoint PRIMARY = PROFILE.rpc().getFirst();
    private static final RpcEndpoint SECONDARY = PROFILE.rpc().getLast();

    private final EndpointHealth health = new EndpointHealth(new ChainSettings(null, null, Duration.ofSeconds(5)),
            Clock.systemUTC());

    private void probed(RpcEndpoint endpoint, long chainId, long head) {
        health.probing(endpoint);
        health.probed(new EndpointProbe(endpoint, chainId, head, Instant.now(), false, Duration.ofMillis(3)));
    }

    private Condition condition(RpcEndpoint endpoint) {
        return health.states(PROFILE).get(PROFILE.rpc().indexOf(endpoint)).condition();
    }

    @Test
    void nothingIsReadFromAnEndpointNeverProbed() {
        assertThat(condition(PRIMARY)).isEqualTo(Condition.UNKNOWN);
        assertThat(health.usable(PROFILE)).isEmpty();
        assertThat(health.neverProbed(PROFILE)).containsExactly(PRIMARY, SECONDARY);
        assertThat(health.due(PROFILE)).containsExactly(PRIMARY, SECONDARY);
    }

    @Test
    void anEndpointOnAnotherChainGetsNoReadsEvenWhileItAnswersCalls() {
        probed(PRIMARY, 1, 20_000_000);
        probed(SECONDARY, 138, 100);
        health.answered(PRIMARY);

        assertThat(condition(PRIMARY)).isEqualTo(Condition.WRONG_CHAIN);
        assertThat(health.usable(PROFILE)).containsExactly(SECONDARY);
        assertThat(condition(SECONDARY)).as("another chain's head does not make this one's look behind")
                .isEqualTo(Condition.HEALTHY);
        assertThat(health.states(PROFILE).getFirst().describe(PROFILE))
                .isEqualTo("primary (http://127.0.0.1:1/): wrong chain (answers chain id 1, expected 138)");
        assertThat(health.readsGoTo(PROFILE)).isEqualTo("secondary");
    }

    @Test
    void readsGoToTheProfilesOrderAmongHealthyEndpointsAndToOnesBehindOnlyAfterThem() {
        probed(PRIMARY, 138, 100);
        probed(SECONDARY, 138, 100);
        assertThat(health.usable(PROFILE)).containsExactly(PRIMARY, SECONDARY);

        probed(PRIMARY, 138, 100 - PROFILE.thresholds().maxHeadLag() - 1);

        assertThat(condition(PRIMARY)).isEqualTo(Condition.BEHIND);
        assertThat(health.usable(PROFILE)).containsExactly(SECONDARY, PRIMARY);
    }

    @Test
    void aCallWithoutAnAnswerTakesTheEndpointOutUntilAProbeAnswers() {
        probed(PRIMARY, 138, 100);
        probed(SECONDARY, 138, 100);

        health.failed(PRIMARY, "timeout");

        assertThat(condition(PRIMARY)).isEqualTo(Condition.DOWN);
        assertThat(health.usable(PROFILE)).containsExactly(SECONDARY);
        assertThat(health.notWrongChain(PROFILE)).containsExactly(PRIMARY, SECONDARY);

        probed(PRIMARY, 138, 101);

        assertThat(health.usable(PROFILE)).containsExactly(PRIMARY, SECONDARY);
    }

    @Test
    void anEndpointJustProbedIsNotDueAgainAndAProbeGivesUpWithinHalfTheInterval() {
        probed(PRIMARY, 138, 100);

        assertThat(health.due(PROFILE)).containsExactly(SECONDARY);
        assertThat(health.probeTimeout(PROFILE)).isEqualTo(PROFILE.thresholds().rpcTimeout());
        EndpointHealth fast = new EndpointHealth(new ChainSettings(null, null, Duration.ofSeconds(1)), Clock.systemUTC());
        assertThat(fast.probeTimeout(PROFILE)).isEqualTo(Duration.ofMillis(500));
        assertThat(fast.tick()).isEqualTo(Duration.ofMillis(100));
    }
}
