package org.firebreak.chain;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.firebreak.chain.ChainProfile.RpcEndpoint;
import org.springframework.stereotype.Component;

/**
 * "Check RPC endpoint status": every endpoint reachable, on the right chain id, not syncing, not lagging behind
 * the others, answering fast, and the head advancing at the expected block time. It probes every endpoint, the ones
 * on another chain too (a wrong chain id stays a FAIL, an incident), and its probes feed {@link EndpointHealth}; its
 * evidence's {@code endpoint} is where reads go now.
 */
@Component
class RpcStatusDiagnostic extends ChainDiagnostic {

    private final EndpointHealth health;
    private final Clock clock;

    RpcStatusDiagnostic(ChainProfiles profiles, ChainClient client, EndpointHealth health, Clock clock) {
        super(profiles, client, "rpc-status",
                "Every RPC endpoint reachable, on the right chain, in sync, fast, and the head advancing");
        this.health = health;
        this.clock = clock;
    }

    @Override
    Finding check(ChainProfile profile, Map<String, String> options) {
        Problems problems = new Problems();
        List<EndpointProbe.Outcome> outcomes = client.probe(profile, profile.rpc());
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("endpoint", health.readsGoTo(profile));
        List<EndpointProbe> probes = new ArrayList<>();
        for (EndpointProbe.Outcome outcome : outcomes) {
            RpcEndpoint endpoint = outcome.endpoint();
            EndpointProbe probe = outcome.probe();
            if (probe == null) {
                evidence.put(endpoint.name() + ".error", String.valueOf(outcome.error()));
                problems.warn("rpc.endpoint-unreachable", endpoint.name(), endpoint.name() + " (" + endpoint.url() + ") unreachable: " + outcome.error());
                continue;
            }
            probes.add(probe);
            evidence.put(endpoint.name() + ".chainId", Long.toString(probe.chainId()));
            evidence.put(endpoint.name() + ".head", Long.toString(probe.head()));
            evidence.put(endpoint.name() + ".latencyMs", Long.toString(probe.latency().toMillis()));
            evidence.put(endpoint.name() + ".syncing", Boolean.toString(probe.syncing()));
        }
        healthEvidence(profile, evidence);
        if (probes.isEmpty()) {
            problems.fail("rpc.unreachable", "rpc", "no RPC endpoint answers");
            return finding(problems, "", evidence);
        }
        // Heads compare among the endpoints on the profile's chain: another chain's head says nothing of this one's.
        List<EndpointProbe> onChain = probes.stream().filter(p -> p.chainId() == profile.chainId()).toList();
        List<EndpointProbe> judged = onChain.isEmpty() ? probes : onChain;
        long best = judged.stream().mapToLong(EndpointProbe::head).max().orElseThrow();
        for (EndpointProbe p : probes) {
            String name = p.endpoint().name();
            if (p.chainId() != profile.chainId()) {
                problems.fail("rpc.wrong-chain", name, name + " answers chain id " + p.chainId() + ", expected " + profile.chainId());
            }
            if (p.syncing()) {
                problems.warn("rpc.syncing", name, name + " is syncing");
            }
            if (judged.contains(p) && best - p.head() > profile.thresholds().maxHeadLag()) {
                problems.warn("rpc.behind", name, name + " is " + (best - p.head()) + " blocks behind (head " + p.head() + ", best " + best + ")");
            }
            if (p.latency().compareTo(profile.thresholds().slowRpc()) > 0) {
                problems.warn("rpc.slow", name, name + " answered in " + p.latency().toMillis() + " ms (slow above "
                        + profile.thresholds().slowRpc().toMillis() + " ms)");
            }
        }
        EndpointProbe freshest = judged.stream().max(java.util.Comparator.comparingLong(EndpointProbe::head)).orElseThrow();
        Duration age = Duration.between(freshest.headTime(), clock.instant());
        Duration stall = profile.blockTime().multipliedBy(3);
        evidence.put("headAgeSeconds", Long.toString(Math.max(0, age.toSeconds())));
        if (age.compareTo(stall) > 0) {
            problems.fail("chain.halted", "blocks", "head not advancing: no block for " + age.toSeconds() + " s since block " + freshest.head()
                    + " (expected one every " + profile.blockTime().toSeconds() + " s)");
        }
        return finding(problems, probes.size() + " of " + profile.rpc().size()
                + " endpoints answer chain " + profile.chainId() + " at block " + best + "; reads go to "
                + evidence.get("endpoint"), evidence);
    }

    /** Each endpoint's health as the client routes by it: {@code <name>.state}, and its rate-limit refusals if any. */
    private void healthEvidence(ChainProfile profile, Map<String, String> evidence) {
        for (EndpointHealth.EndpointState state : health.states(profile)) {
            String name = state.endpoint().name();
            evidence.put(name + ".state", state.condition().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            if (state.rateLimited() > 0) {
                evidence.put(name + ".rateLimitRefusals", Long.toString(state.rateLimited()));
            }
        }
    }
}
