package org.firebreak.chain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.NetPeerCount;

/**
 * "Check network status": block interval over the last blocks against the expected block time, a stall (no
 * block for three block times, as when more than a third of IBFT validators stop), and peers where the node
 * reports them.
 */
@Component
class NetworkStatusDiagnostic extends ChainDiagnostic {

    static final int SAMPLE_BLOCKS = 10;

    private final Clock clock;

    NetworkStatusDiagnostic(ChainProfiles profiles, ChainClient client, Clock clock) {
        super(profiles, client, "network-status",
                "Block interval, stalls and peers");
        this.clock = clock;
    }

    @Override
    Finding check(ChainProfile profile, Map<String, String> options) throws ChainUnreachable {
        ChainClient.Answers head = client.send(profile, List.of(RpcCall.blockNumber(), RpcCall.peerCount()));
        long block = blockNumber(head, 0);
        List<RpcCall<?>> calls = new ArrayList<>();
        for (long n = Math.max(0, block - SAMPLE_BLOCKS); n <= block; n++) {
            calls.add(RpcCall.block(org.web3j.utils.Numeric.toHexStringWithPrefix(java.math.BigInteger.valueOf(n))));
        }
        ChainClient.Answers blocks = client.send(profile, calls);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            EthBlock response = blocks.get(i, EthBlock.class);
            failOnError(response);
            times.add(response.getBlock().getTimestamp().longValueExact());
        }
        Map<String, String> evidence = evidence(head, block);
        Problems problems = new Problems();
        NetPeerCount peers = head.get(1, NetPeerCount.class);
        evidence.put("peers", peers.hasError() ? "not reported" : peers.getQuantity().toString());
        long expected = profile.blockTime().toSeconds();
        if (times.size() > 1) {
            double average = (double) (times.getLast() - times.getFirst()) / (times.size() - 1);
            long longest = 0;
            for (int i = 1; i < times.size(); i++) {
                longest = Math.max(longest, times.get(i) - times.get(i - 1));
            }
            evidence.put("averageIntervalSeconds", String.format(java.util.Locale.ROOT, "%.2f", average));
            evidence.put("longestIntervalSeconds", Long.toString(longest));
            if (average > 2.0 * expected) {
                problems.warn("blocks.slow", "blocks", String.format(java.util.Locale.ROOT,
                        "blocks every %.1f s on average over the last %d, expected %d s", average, times.size() - 1, expected));
            }
        }
        Duration age = Duration.between(Instant.ofEpochSecond(times.getLast()), clock.instant());
        evidence.put("headAgeSeconds", Long.toString(Math.max(0, age.toSeconds())));
        if (age.compareTo(profile.blockTime().multipliedBy(3)) > 0) {
            problems.fail("chain.halted", "blocks", "chain halted: no block for " + age.toSeconds() + " s since block " + block
                    + " (expected one every " + expected + " s)");
        }
        return finding(problems, "blocks arrive every " + evidence.getOrDefault(
                "averageIntervalSeconds", "?") + " s (expected " + expected + " s); head " + block + " is "
                + Math.max(0, age.toSeconds()) + " s old", evidence);
    }
}
