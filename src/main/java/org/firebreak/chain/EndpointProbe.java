package org.firebreak.chain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.firebreak.chain.ChainProfile.RpcEndpoint;
import org.jspecify.annotations.Nullable;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthChainId;
import org.web3j.protocol.core.methods.response.EthSyncing;

/**
 * One endpoint's answer to the health probe: its chain id, whether it is syncing, and its latest block, read in one
 * batch. The probe is the only request a wrong-chain endpoint still gets.
 */
record EndpointProbe(RpcEndpoint endpoint, long chainId, long head, Instant headTime, boolean syncing,
        Duration latency) {

    /** The probe's batch: chain id, sync state and the latest block. */
    static List<RpcCall<?>> calls() {
        return List.of(RpcCall.chainId(), RpcCall.syncing(), RpcCall.block("latest"));
    }

    /** Reads the batch's answers; an RPC error in the chain id or the block is the endpoint failing the probe. */
    static EndpointProbe read(ChainClient.Answers answers) {
        EthChainId chainId = answers.get(0, EthChainId.class);
        EthSyncing syncing = answers.get(1, EthSyncing.class);
        EthBlock block = answers.get(2, EthBlock.class);
        ChainDiagnostic.failOnError(chainId);
        ChainDiagnostic.failOnError(block);
        return new EndpointProbe(answers.endpoint(), chainId.getChainId().longValueExact(),
                block.getBlock().getNumber().longValueExact(),
                Instant.ofEpochSecond(block.getBlock().getTimestamp().longValueExact()),
                !syncing.hasError() && syncing.isSyncing(), answers.latency());
    }

    /** A probe's outcome: the probe, or why the endpoint did not answer it. */
    record Outcome(RpcEndpoint endpoint, @Nullable EndpointProbe probe, @Nullable String error) {
    }
}
