package org.firebreak.chain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthGetBlockReceipts;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.EthTransaction;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Reads the block follower's blocks: each block's header with only the transactions a detection reads in full (a
 * reverted one to the DelegationManager, a contract creation, an EIP-7702 type-4 transaction), in chain order.
 *
 * <p>Headers come without transactions ({@code eth_getBlockByNumber(n, false)}) beside each block's receipts
 * ({@code eth_getBlockReceipts}), one batch for both; a receipt's {@code to}, {@code status}, {@code type} and
 * {@code contractAddress} tell which transactions those detections need, and only those are read
 * ({@code eth_getTransactionByHash}). On a local anvil that is about a third of what serving every block with its
 * transactions costs it (bench/README.md, "Catch-up"). An endpoint that does not serve {@code eth_getBlockReceipts}
 * (method unknown) is remembered, and its blocks are read in full as before; any other failed receipts answer reads
 * that batch's blocks in full too. A step whose two calls a block would not fit in what the endpoint's rate limit
 * allows now is read in full, one call a block ({@link #receiptsFit}).
 *
 * <p>The receipts of the transactions kept come with the blocks ({@link Read#receipts()}), so the follower's failed
 * redemptions and the staging detector do not ask for them again; {@link #receipts} asks only for those not read
 * (every one, for blocks read in full).
 */
@Component
class FollowerBlocks {

    private static final Logger log = LoggerFactory.getLogger(FollowerBlocks.class);

    /** Blocks a batch: a header and the block's receipts each, so a batch stays at {@value BlockFollower#CALLS_PER_BATCH} calls or fewer. */
    static final int BLOCKS_PER_BATCH = BlockFollower.CALLS_PER_BATCH / 2;

    private final ChainClient client;
    /** Endpoints (by name) found not to serve eth_getBlockReceipts. */
    private final Set<String> withoutReceipts = ConcurrentHashMap.newKeySet();
    private volatile @Nullable String lastEndpoint;

    FollowerBlocks(ChainClient client) {
        this.client = client;
    }

    /** Blocks in chain order, and the receipts already read of the transactions they hold, by lowercase hash. */
    record Read(List<EthBlock.Block> blocks, Map<String, TransactionReceipt> receipts) {
    }

    /** Blocks {@code from}–{@code to} in order, each with the transactions a detection reads (see above). */
    Read read(ChainProfile profile, long from, long to) throws ChainUnreachable {
        List<EthBlock.Block> blocks = new ArrayList<>();
        String manager = profile.contracts().delegationManager().address();
        Map<EthBlock.Block, List<String>> wanted = new HashMap<>();
        Map<String, TransactionReceipt> kept = new HashMap<>();
        long first = from;
        boolean receiptsRoute = receiptsFit(to - from + 1, client.callsWithoutWaiting(profile));
        while (first <= to) {
            String endpoint = lastEndpoint;
            if (!receiptsRoute || endpoint != null && withoutReceipts.contains(endpoint)) {
                long last = Math.min(to, first + BlockFollower.CALLS_PER_BATCH - 1);
                blocks.addAll(full(profile, first, last));
                first = last + 1;
                continue;
            }
            long last = Math.min(to, first + BLOCKS_PER_BATCH - 1);
            List<RpcCall<?>> calls = new ArrayList<>();
            LongStream.rangeClosed(first, last).forEach(n -> calls.add(RpcCall.block(BlockFollower.hex(n))));
            LongStream.rangeClosed(first, last).forEach(n -> calls.add(RpcCall.blockReceipts(n)));
            ChainClient.Answers answers = client.send(profile, calls);
            lastEndpoint = answers.endpoint().name();
            int count = (int) (last - first + 1);
            EthGetBlockReceipts refused = null;
            for (int i = 0; i < count && refused == null; i++) {
                EthGetBlockReceipts receipts = answers.get(count + i, EthGetBlockReceipts.class);
                if (receipts.hasError() || receipts.getBlockReceipts().isEmpty()) {
                    refused = receipts;
                }
            }
            if (refused != null) {
                if (unknownMethod(refused)) {
                    withoutReceipts.add(answers.endpoint().name());
                    log.info("Block follower: endpoint {} does not serve eth_getBlockReceipts ({}); reading its blocks "
                            + "with their transactions", answers.endpoint().name(), refused.getError().getMessage());
                }
                blocks.addAll(full(profile, first, last));
                first = last + 1;
                continue;
            }
            for (int i = 0; i < count; i++) {
                EthBlock.Block header = BlockFollower.served(answers.get(i, EthBlock.class), first + i);
                List<String> needed = new ArrayList<>();
                for (TransactionReceipt receipt : answers.get(count + i, EthGetBlockReceipts.class).getBlockReceipts()
                        .orElseThrow()) {
                    if (!header.getHash().equalsIgnoreCase(receipt.getBlockHash())) {
                        throw new BlockMoved("block " + (first + i) + "'s receipts are from block " + receipt.getBlockHash()
                                + ", not " + header.getHash());
                    }
                    if (needed(receipt, manager)) {
                        needed.add(receipt.getTransactionHash());
                        kept.put(receipt.getTransactionHash().toLowerCase(Locale.ROOT), receipt);
                    }
                }
                header.setTransactions(new ArrayList<>());
                if (!needed.isEmpty()) {
                    wanted.put(header, needed);
                }
                blocks.add(header);
            }
            first = last + 1;
        }
        transactions(profile, blocks, wanted);
        return new Read(blocks, kept);
    }

    /**
     * Whether reading {@code blocks} blocks by header and receipts (two calls a block) fits in the calls the endpoint's
     * rate limit allows now ({@code callsWithoutWaiting}). When it does not, the limit, not the node, bounds the read,
     * and full blocks (one call a block) read twice as many blocks a minute: at chain 138's public 1,200 a minute a
     * catch-up reads ~900 blocks a minute in full against ~450 by receipts. Following the head (a few blocks a step)
     * and any catch-up on an operator's own node with a high limit take the receipts, which cost the node about a
     * third of full blocks (bench/README.md, "Catch-up").
     */
    static boolean receiptsFit(long blocks, int callsWithoutWaiting) {
        return 2 * blocks <= callsWithoutWaiting;
    }

    /**
     * The receipts of these transactions by lowercase hash: those read with the blocks, the others asked for,
     * {@value BlockFollower#CALLS_PER_BATCH} to a batch. A transaction the node has no receipt for is left out.
     */
    static Map<String, TransactionReceipt> receipts(ChainClient client, ChainProfile profile, Read read,
            List<String> hashes) throws ChainUnreachable {
        Map<String, TransactionReceipt> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String hash : hashes) {
            String key = hash.toLowerCase(Locale.ROOT);
            TransactionReceipt receipt = read.receipts().get(key);
            if (receipt != null) {
                found.put(key, receipt);
            } else {
                missing.add(hash);
            }
        }
        for (int first = 0; first < missing.size(); first += BlockFollower.CALLS_PER_BATCH) {
            List<String> chunk = missing.subList(first, Math.min(missing.size(), first + BlockFollower.CALLS_PER_BATCH));
            ChainClient.Answers answers = client.send(profile, chunk.stream().<RpcCall<?>>map(RpcCall::transactionReceipt)
                    .toList());
            for (int i = 0; i < chunk.size(); i++) {
                EthGetTransactionReceipt answer = answers.get(i, EthGetTransactionReceipt.class);
                ChainDiagnostic.failOnError(answer);
                String key = chunk.get(i).toLowerCase(Locale.ROOT);
                answer.getTransactionReceipt().ifPresent(receipt -> found.put(key, receipt));
            }
        }
        return found;
    }

    /** Whether a detection reads this receipt's transaction: reverted to the DelegationManager, a creation, type 4. */
    static boolean needed(TransactionReceipt receipt, String manager) {
        String to = receipt.getTo();
        if (to == null || to.isEmpty()) {
            return true;
        }
        if ("0x4".equalsIgnoreCase(receipt.getType())) {
            return true;
        }
        return manager.equalsIgnoreCase(to) && !receipt.isStatusOK();
    }

    /** Reads the wanted transactions in batches and puts each in its block, which must still hold it. */
    private void transactions(ChainProfile profile, List<EthBlock.Block> blocks, Map<EthBlock.Block, List<String>> wanted)
            throws ChainUnreachable {
        List<Map.Entry<EthBlock.Block, String>> all = new ArrayList<>();
        for (EthBlock.Block block : blocks) {
            wanted.getOrDefault(block, List.of()).forEach(hash -> all.add(Map.entry(block, hash)));
        }
        for (int first = 0; first < all.size(); first += BlockFollower.CALLS_PER_BATCH) {
            var chunk = all.subList(first, Math.min(all.size(), first + BlockFollower.CALLS_PER_BATCH));
            ChainClient.Answers answers = client.send(profile, chunk.stream()
                    .<RpcCall<?>>map(e -> RpcCall.transaction(e.getValue())).toList());
            for (int i = 0; i < chunk.size(); i++) {
                EthTransaction answer = answers.get(i, EthTransaction.class);
                ChainDiagnostic.failOnError(answer);
                EthBlock.Block block = chunk.get(i).getKey();
                Transaction t = answer.getTransaction().orElse(null);
                if (t == null || !block.getHash().equalsIgnoreCase(t.getBlockHash())) {
                    throw new BlockMoved("transaction " + chunk.get(i).getValue() + " is no longer in block "
                            + block.getHash());
                }
                EthBlock.TransactionResult<Transaction> result = () -> t;
                block.getTransactions().add(result);
            }
        }
    }

    private List<EthBlock.Block> full(ChainProfile profile, long from, long to) throws ChainUnreachable {
        List<RpcCall<?>> calls = LongStream.rangeClosed(from, to)
                .<RpcCall<?>>mapToObj(RpcCall::blockWithTransactions).toList();
        ChainClient.Answers answers = client.send(profile, calls);
        lastEndpoint = answers.endpoint().name();
        List<EthBlock.Block> blocks = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            blocks.add(BlockFollower.served(answers.get(i, EthBlock.class), from + i));
        }
        return blocks;
    }

    /** JSON-RPC's "method not found" (-32601), or a node's words for a method it does not serve. */
    static boolean unknownMethod(Response<?> answer) {
        if (!answer.hasError()) {
            return false;
        }
        Response.Error error = answer.getError();
        String message = error.getMessage() == null ? "" : error.getMessage().toLowerCase(Locale.ROOT);
        return error.getCode() == -32601 || error.getCode() == -32004
                || (message.contains("method") && (message.contains("not found") || message.contains("not supported")
                        || message.contains("does not exist") || message.contains("not available")
                        || message.contains("unsupported")));
    }

    /** The node's chain changed while a batch was read: the follower commits nothing and reads the blocks again. */
    static final class BlockMoved extends RuntimeException {
        BlockMoved(String message) {
            super(message);
        }
    }
}
