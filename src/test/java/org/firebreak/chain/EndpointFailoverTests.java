package org.firebreak.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.firebreak.chain.ChainProfile.RpcEndpoint;
import org.firebreak.chain.EndpointHealth.Condition;
import org.firebreak.chain.EndpointHealth.EndpointState;
import org.firebreak.chain.Finding.Status;
import org.firebreak.playbook.StepExecutor.StepRun;
import org.firebreak.playbook.StepOutcome;
import org.firebreak.support.TestDevnet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Endpoint health on the real devnet: the profile's primary is a proxy in front of anvil that the tests turn bad
 * (wrong chain id, hanging), its secondary anvil itself. Every reader must leave the bad primary within one probe
 * interval, and come back to it once it answers right again.
 */
@SpringBootTest(properties = {
        "firebreak.data-dir=./target/test-data/${random.uuid}", "firebreak.devnet=true",
        "firebreak.playbooks.directory=target/test-data/no-operator-playbooks",
        "firebreak.scheduler.enabled=false",
        "firebreak.chain.probe-interval=" + EndpointFailoverTests.PROBE_INTERVAL_SECONDS + "s" })
@Tag("integration")
class EndpointFailoverTests {

    static final int PROBE_INTERVAL_SECONDS = 4;
    private static final Duration INTERVAL = Duration.ofSeconds(PROBE_INTERVAL_SECONDS);
    /** Awaitility's polling and the prober's tick: what a measured time may exceed the interval by. */
    private static final Duration SLACK = Duration.ofMillis(300);
    private static final long WRONG_CHAIN_ID = 1;
    private static final StepRun RUN = new StepRun("INC-T", "pause-system", "carol");

    @RegisterExtension
    static final DevnetProbe chain = DevnetProbe.anvil();
    private static RpcProxy proxy;

    @Autowired
    Diagnostics diagnostics;
    @Autowired
    EndpointHealth health;
    @Autowired
    ChainProfiles profiles;
    @Autowired
    BlockFollower follower;
    @Autowired
    ChainBlocks blocks;
    @Autowired
    PauseAction pause;
    @Autowired
    UnpauseAction unpause;

    @DynamicPropertySource
    static void proxiedProfile(DynamicPropertyRegistry registry) throws IOException {
        String anvil = TestDevnet.shared().state().anvilUrl();
        proxy = RpcProxy.inFrontOf(anvil);
        Path dir = Path.of("target/test-data/endpoints-" + UUID.randomUUID());
        Path file = DevnetActions.devnetProfile().withEndpoints(new RpcEndpoint("primary", proxy.url()),
                new RpcEndpoint("secondary", java.net.URI.create(anvil))).write(dir);
        registry.add("firebreak.chain.profile", file::toString);
    }

    @AfterAll
    static void stopProxy() {
        proxy.close();
    }

    @Test
    void aPrimaryOnTheWrongChainFailsTheRpcCheckAndNoOtherReaderTouchesIt() {
        awaitReadsGoTo("primary");

        proxy.answerChainId(WRONG_CHAIN_ID);
        Duration noticed = awaitCondition("primary", Condition.WRONG_CHAIN);
        proxy.resetCounts();

        List<Finding> findings = diagnostics.runAll();
        BlockFollower.Run followed = follower.run();
        Instant now = Instant.now();
        var window = blocks.between(now.minusSeconds(60), now);
        StepOutcome paused = pause.run(RUN);
        StepOutcome unpaused = unpause.run(RUN);

        System.out.printf("wrong chain id noticed in %d ms; %d probes reached the wrong endpoint%n", noticed.toMillis(),
                proxy.probes());
        assertThat(noticed).isLessThanOrEqualTo(INTERVAL.plus(SLACK));
        assertThat(findings).hasSize(diagnostics.list().size()).allSatisfy(finding -> assertThat(finding.evidence())
                .as(finding.diagnostic() + ": " + finding.summary()).containsEntry("endpoint", "secondary"));
        Finding rpc = findings.stream().filter(f -> f.diagnostic().equals("rpc-status")).findFirst().orElseThrow();
        assertThat(rpc.status()).isEqualTo(Status.FAIL);
        assertThat(rpc.problems()).anySatisfy(p -> assertThat(p).extracting(Finding.Problem::code, Finding.Problem::subject)
                .containsExactly("rpc.wrong-chain", "primary"));
        assertThat(rpc.summary()).contains("primary answers chain id 1, expected 138");
        assertThat(rpc.evidence()).containsEntry("primary.state", "wrong-chain").containsEntry("primary.chainId", "1")
                .containsEntry("secondary.state", "healthy");
        assertThat(followed.error()).isNull();
        assertThat(followed.following()).isTrue();
        assertThat(window).isPresent();
        assertThat(paused.result()).as(paused.summary()).isEqualTo(StepOutcome.Result.OK);
        assertThat(unpaused.result()).as(unpaused.summary()).isEqualTo(StepOutcome.Result.OK);
        assertThat(paused.evidence()).containsEntry("endpoint", "secondary");
        assertThat(unpaused.evidence()).containsEntry("endpoint", "secondary");
        assertThat(proxy.reads()).as("reads that reached the wrong-chain endpoint").isEmpty();
        assertThat(proxy.probes()).as("the RPC check still probes it").isPositive();

        proxy.pass();
        awaitReadsGoTo("primary");
    }

    @Test
    void aHangingPrimaryIsLeftWithinOneProbeIntervalAndTakenBackWhenItAnswersAgain() {
        awaitReadsGoTo("primary");

        proxy.hang();
        Duration failover = awaitCondition("primary", Condition.DOWN);
        long started = System.nanoTime();
        Finding during = run("entrypoint");
        Duration read = Duration.ofNanos(System.nanoTime() - started);

        proxy.pass();
        Duration failback = awaitCondition("primary", Condition.HEALTHY);
        Finding after = run("entrypoint");

        System.out.printf("hanging primary: failover %d ms, read during the hang %d ms, fail-back %d ms%n",
                failover.toMillis(), read.toMillis(), failback.toMillis());
        assertThat(failover).isLessThanOrEqualTo(INTERVAL.plus(SLACK));
        assertThat(during.status()).as(during.summary()).isEqualTo(Status.OK);
        assertThat(during.evidence()).containsEntry("endpoint", "secondary");
        assertThat(read).as("no read waits on the hanging primary").isLessThan(Duration.ofSeconds(1));
        assertThat(failback).isLessThanOrEqualTo(INTERVAL.plus(SLACK));
        assertThat(after.evidence()).containsEntry("endpoint", "primary");
    }

    private Finding run(String diagnostic) {
        return diagnostics.run(diagnostic, Map.of()).orElseThrow();
    }

    private ChainProfile profile() {
        return profiles.current().orElseThrow();
    }

    private void awaitReadsGoTo(String endpoint) {
        await().atMost(INTERVAL.multipliedBy(3)).until(() -> run("entrypoint").evidence().get("endpoint"),
                endpoint::equals);
    }

    /** How long, from now, until the endpoint's health says {@code condition}. */
    private Duration awaitCondition(String endpoint, Condition condition) {
        long started = System.nanoTime();
        await().atMost(INTERVAL.multipliedBy(3)).pollInterval(Duration.ofMillis(20)).until(() -> state(endpoint)
                .condition(), condition::equals);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private EndpointState state(String endpoint) {
        return health.states(profile()).stream().filter(s -> s.endpoint().name().equals(endpoint)).findFirst()
                .orElseThrow();
    }
}
