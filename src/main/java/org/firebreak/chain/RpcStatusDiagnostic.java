package org.firebreak.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.firebreak.chain.ChainProfile.RpcEndpoint;
import org.springframework.stereotype.Component;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthChainId;
import org.web3j.protocol.core.methods.response.EthSyncing;

/**
 * "Check RPC endpoint status": every endpoint reachable, on the right chain id, not syncing, not lagging behind
 * the others, answering fast, and the head advancing at the expected block time.
 */
@Component
class RpcStatusDiagnostic extends ChainDiagnostic {

    private final Clock clock;

    RpcStatusDiagnostic(ChainProfiles profiles, ChainClient client, Clock clock) {
        super(profiles, client, "rpc-status",
                "Every RPC endpoint reachable, on the right chain, in sync, fast, and the head advancing");
        this.clock = clock;
    }

    record Probe(RpcEndpoint endpoint, long chainId, long head, Instant headTime, boolean syncing, Duration latency) {
    }

    @Override
    Finding check(ChainProfile profile, Map<String, String> options) {
        Problems problems = new Problems();
        Map<String, String> evidence = new LinkedHashMap<>();
        List<Probe> probes = new ArrayList<>();
        for (RpcEndpoint endpoint : profile.rpc()) {
            try {
                Probe probe = probe(profile, endpoint);
                probes.add(probe);
                evidence.put(endpoint.name() + ".chainId", Long.toString(probe.chainId()));
                evidence.put(endpoint.name() + ".head", Long.toString(probe.head()));
                evidence.put(endpoint.name() + ".latencyMs", Long.toString(probe.latency().toMillis()));
                evidence.put(endpoint.name() + ".syncing", Boolean.toString(probe.syncing()));
            } catch (IOException | RuntimeException e) {
                evidence.put(endpoint.name() + ".error", String.valueOf(e.getMessage()));
                problems.warn("rpc.endpoint-unreachable", endpoint.name(), endpoint.name() + " (" + endpoint.url() + ") unreachable: " + e.getMessage());
            }
        }
        if (probes.isEmpty()) {
            problems.fail("rpc.unreachable", "rpc", "no RPC endpoint answers");
            return finding(problems, "", evidence);
        }
        long best = probes.stream().mapToLong(Probe::head).max().orElseThrow();
        for (Probe p : probes) {
            String name = p.endpoint().name();
            if (p.chainId() != profile.chainId()) {
                problems.fail("rpc.wrong-chain", name, name + " answers chain id " + p.chainId() + ", expected " + profile.chainId());
            }
            if (p.syncing()) {
                problems.warn("rpc.syncing", name, name + " is syncing");
            }
            if (best - p.head() > profile.thresholds().maxHeadLag()) {
                problems.warn("rpc.behind", name, name + " is " + (best - p.head()) + " blocks behind (head " + p.head() + ", best " + best + ")");
            }
            if (p.latency().compareTo(profile.thresholds().slowRpc()) > 0) {
                problems.warn("rpc.slow", name, name + " answered in " + p.latency().toMillis() + " ms (slow above "
                        + profile.thresholds().slowRpc().toMillis() + " ms)");
            }
        }
        Probe freshest = probes.stream().max(java.util.Comparator.comparingLong(Probe::head)).orElseThrow();
        Duration age = Duration.between(freshest.headTime(), clock.instant());
        Duration stall = profile.blockTime().multipliedBy(3);
        evidence.put("headAgeSeconds", Long.toString(Math.max(0, age.toSeconds())));
        if (age.compareTo(stall) > 0) {
            problems.fail("chain.halted", "blocks", "head not advancing: no block for " + age.toSeconds() + " s since block " + freshest.head()
                    + " (expected one every " + profile.blockTime().toSeconds() + " s)");
        }
        return finding(problems, probes.size() + " of " + profile.rpc().size()
                + " endpoints answer chain " + profile.chainId() + " at block " + best, evidence);
    }

    /** One batch per endpoint: chain id, sync state and the latest block. */
    Probe probe(ChainProfile profile, RpcEndpoint endpoint) throws IOException {
        ChainClient.Answers answers = client.sendTo(endpoint, profile.thresholds().rpcTimeout(),
                List.of(RpcCall.chainId(), RpcCall.syncing(), RpcCall.block("latest")));
        EthChainId chainId = answers.get(0, EthChainId.class);
        EthSyncing syncing = answers.get(1, EthSyncing.class);
        EthBlock block = answers.get(2, EthBlock.class);
        failOnError(chainId);
        failOnError(block);
        BigInteger timestamp = block.getBlock().getTimestamp();
        return new Probe(endpoint, chainId.getChainId().longValueExact(), block.getBlock().getNumber().longValueExact(),
                Instant.ofEpochSecond(timestamp.longValueExact()), !syncing.hasError() && syncing.isSyncing(),
                answers.latency());
    }
}
