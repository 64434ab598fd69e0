package org.firebreak.chain;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.firebreak.chain.ChainProfile.RpcEndpoint;
import org.springframework.stereotype.Component;

/**
 * "Check RPC performance": latency percentiles and error rate per endpoint, from a few fresh probes plus the
 * last {@value EndpointStats#WINDOW} calls Firebreak made. An endpoint on another chain is left out: nothing is read
 * from it (the RPC status diagnostic reports it); its evidence's {@code endpoint} is where reads go now.
 */
@Component
class RpcPerformanceDiagnostic extends ChainDiagnostic {

    static final int PROBES = 5;

    private final EndpointStats stats;
    private final EndpointHealth health;

    RpcPerformanceDiagnostic(ChainProfiles profiles, ChainClient client, EndpointStats stats, EndpointHealth health) {
        super(profiles, client, "rpc-performance",
                "Latency percentiles and error rate per RPC endpoint");
        this.stats = stats;
        this.health = health;
    }

    @Override
    Finding check(ChainProfile profile, Map<String, String> options) {
        Map<String, String> evidence = new java.util.LinkedHashMap<>();
        Problems problems = new Problems();
        Duration slow = profile.thresholds().slowRpc();
        List<String> healthy = new ArrayList<>();
        List<EndpointHealth.EndpointState> states = client.endpoints(profile);
        evidence.put("endpoint", health.readsGoTo(profile));
        List<RpcEndpoint> measured = new ArrayList<>();
        for (EndpointHealth.EndpointState state : states) {
            RpcEndpoint endpoint = state.endpoint();
            if (state.condition() == EndpointHealth.Condition.WRONG_CHAIN) {
                evidence.put(endpoint.name() + ".excluded", state.describe(profile));
                continue;
            }
            measured.add(endpoint);
            for (int i = 0; i < PROBES; i++) {
                try {
                    client.sendTo(endpoint, profile.thresholds().rpcTimeout(), List.of(RpcCall.blockNumber()));
                } catch (IOException | RuntimeException e) {
                    // recorded in the endpoint's stats by the client
                }
            }
            EndpointStats.Summary s = stats.summary(endpoint.name());
            String key = endpoint.name();
            evidence.put(key + ".calls", Integer.toString(s.calls()));
            evidence.put(key + ".errorRate", String.format(java.util.Locale.ROOT, "%.2f", s.errorRate()));
            evidence.put(key + ".p50Ms", Long.toString(s.p50().toMillis()));
            evidence.put(key + ".p95Ms", Long.toString(s.p95().toMillis()));
            evidence.put(key + ".maxMs", Long.toString(s.max().toMillis()));
            boolean errors = s.errorRate() > 0.05;
            boolean slowP95 = s.p95().compareTo(slow) > 0;
            if (errors) {
                problems.warn("rpc.error-rate", key, key + " failed " + Math.round(s.errorRate() * 100) + "% of the last " + s.calls() + " calls");
            }
            if (slowP95) {
                problems.warn("rpc.slow", key, key + " p95 latency " + s.p95().toMillis() + " ms is above " + slow.toMillis() + " ms");
            }
            if (!errors && !slowP95) {
                healthy.add(key);
            }
        }
        if (healthy.isEmpty()) {
            problems.fail("rpc.unreliable", "rpc", "no RPC endpoint is both fast and reliable");
        }
        return finding(problems, "all " + measured.size() + " endpoints on chain " + profile.chainId()
                + " fast and reliable (" + String.join(", ", measured.stream().map(e -> e.name() + " p95 " + evidence.get(e.name() + ".p95Ms")
                        + " ms").toList()) + ")", evidence);
    }
}
