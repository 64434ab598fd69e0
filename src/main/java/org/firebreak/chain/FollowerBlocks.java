package org.firebreak.chain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
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
import org.web3j.protocol.core.methods.response.Log;
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
 * <p>A read's batches go out up to {@value #IN_FLIGHT} at once ({@link #sendAll}), except the first to an endpoint not
 * yet known to serve {@code eth_getBlockReceipts}, which goes alone.
 *
 * <p>Read by receipts, the blocks bring their logs ({@link Read#logs()}): the follower takes its events from them and
 * asks no {@code eth_getLogs}, which would make the node serve the same logs twice.
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
    /** Batches of one read sent at once. */
    static final int IN_FLIGHT = 4;

    private final ChainClient client;
    /** Endpoints (by name) found not to serve eth_getBlockReceipts, and found to serve it. */
    private final Set<String> withoutReceipts = ConcurrentHashMap.newKeySet();
    private final Set<String> withReceipts = ConcurrentHashMap.newKeySet();
    private volatile @Nullable String lastEndpoint;

    FollowerBlocks(ChainClient client) {
        this.client = client;
    }

    /**
     * Blocks in chain order, and the receipts already read of the transactions they hold, by lowercase hash;
     * {@code logs}: every log of every block in chain order when all of them came with their receipts (the follower
     * needs no {@code eth_getLogs} then), null when some block was read in full.
     */
    record Read(List<EthBlock.Block> blocks, Map<String, TransactionReceipt> receipts, @Nullable List<Log> logs) {
    }

    /**
     * Whether {@code blocks} blocks would be read by headers and receipts now: the endpoint last used serves
     * {@code eth_getBlockReceipts} (as far as known) and the rate limit allows two calls a block ({@link #receiptsFit}).
     */
    boolean byReceipts(ChainProfile profile, long blocks) {
        String endpoint = lastEndpoint;
        return (endpoint == null || !withoutReceipts.contains(endpoint))
                && receiptsFit(blocks, client.callsWithoutWaiting(profile));
    }

    /**
     * Blocks {@code from}–{@code to} in order, each with the transactions a detection reads (see above); by headers
     * and receipts when {@code byReceipts} (see {@link #byReceipts}) and the endpoint serves them, else in full.
     */
    Read read(ChainProfile profile, long from, long to, boolean byReceipts) throws ChainUnreachable {
        List<EthBlock.Block> blocks = new ArrayList<>();
        String manager = profile.contracts().delegationManager().address();
        Map<EthBlock.Block, List<String>> wanted = new HashMap<>();
        Map<String, TransactionReceipt> kept = new HashMap<>();
        List<Log> logs = new ArrayList<>();
        boolean allByReceipts = true;
        long first = from;
        while (first <= to) {
            String endpoint = lastEndpoint;
            boolean receipts = byReceipts && (endpoint == null || !withoutReceipts.contains(endpoint));
            // An endpoint not known to serve the receipts gets one batch alone, so a refused method is asked once.
            boolean alone = receipts && (endpoint == null || !withReceipts.contains(endpoint));
            int perBatch = receipts ? BLOCKS_PER_BATCH : BlockFollower.CALLS_PER_BATCH;
            List<Batch> ranges = new ArrayList<>();
            for (long f = first; f <= to && !(alone && !ranges.isEmpty()); f += perBatch) {
                ranges.add(new Batch(f, Math.min(to, f + perBatch - 1)));
            }
            List<ChainClient.Answers> answered = sendAll(profile, ranges.stream()
                    .map(r -> receipts ? headersAndReceipts(r) : fullBlocks(r)).toList());
            for (int b = 0; b < ranges.size(); b++) {
                Batch range = ranges.get(b);
                ChainClient.Answers answers = answered.get(b);
                lastEndpoint = answers.endpoint().name();
                if (!receipts) {
                    blocks.addAll(served(answers, range));
                    allByReceipts = false;
                    continue;
                }
                int count = (int) range.size();
                EthGetBlockReceipts refused = null;
                for (int i = 0; i < count && refused == null; i++) {
                    EthGetBlockReceipts answer = answers.get(count + i, EthGetBlockReceipts.class);
                    if (answer.hasError() || answer.getBlockReceipts().isEmpty()) {
                        refused = answer;
                    }
                }
                if (refused != null) {
                    if (unknownMethod(refused) && withoutReceipts.add(answers.endpoint().name())) {
                        log.info("Block follower: endpoint {} does not serve eth_getBlockReceipts ({}); reading its "
                                + "blocks with their transactions", answers.endpoint().name(),
                                refused.getError().getMessage());
                    }
                    blocks.addAll(served(client.send(profile, fullBlocks(range)), range));
                    allByReceipts = false;
                    continue;
                }
                withReceipts.add(answers.endpoint().name());
                for (int i = 0; i < count; i++) {
                    EthBlock.Block header = BlockFollower.served(answers.get(i, EthBlock.class), range.from() + i);
                    List<String> needed = new ArrayList<>();
                    for (TransactionReceipt receipt : answers.get(count + i, EthGetBlockReceipts.class)
                            .getBlockReceipts().orElseThrow()) {
                        if (!header.getHash().equalsIgnoreCase(receipt.getBlockHash())) {
                            throw new BlockMoved("block " + (range.from() + i) + "'s receipts are from block "
                                    + receipt.getBlockHash() + ", not " + header.getHash());
                        }
                        if (needed(receipt, manager)) {
                            needed.add(receipt.getTransactionHash());
                            kept.put(receipt.getTransactionHash().toLowerCase(Locale.ROOT), receipt);
                        }
                        logs.addAll(receipt.getLogs());
                    }
                    header.setTransactions(new ArrayList<>());
                    if (!needed.isEmpty()) {
                        wanted.put(header, needed);
                    }
                    blocks.add(header);
                }
            }
            first = ranges.getLast().to() + 1;
        }
        transactions(profile, blocks, wanted);
        return new Read(blocks, kept, allByReceipts ? logs : null);
    }

    /**
     * Sends the batches, up to {@value #IN_FLIGHT} at once, and gives their answers in the same order: the node
     * serves one while the answer of another is parsed, and a distant node's round trips overlap. The first failure
     * is thrown once every batch sent has ended; no batch is sent after it.
     */
    private List<ChainClient.Answers> sendAll(ChainProfile profile, List<List<RpcCall<?>>> batches)
            throws ChainUnreachable {
        if (batches.size() == 1) {
            return List.of(client.send(profile, batches.getFirst()));
        }
        Semaphore slots = new Semaphore(IN_FLIGHT);
        AtomicBoolean failed = new AtomicBoolean();
        List<Future<ChainClient.Answers>> sent = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (List<RpcCall<?>> batch : batches) {
                sent.add(threads.submit(() -> {
                    slots.acquire();
                    try {
                        if (failed.get()) {
                            throw new CancellationException("an earlier batch failed");
                        }
                        return client.send(profile, batch);
                    } catch (ChainUnreachable | RuntimeException e) {
                        failed.set(true);
                        throw e;
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        List<ChainClient.Answers> answers = new ArrayList<>();
        Throwable failure = null;
        for (Future<ChainClient.Answers> future : sent) {
            if (future.state() == Future.State.SUCCESS) {
                answers.add(future.resultNow());
            } else if (failure == null && !(future.exceptionNow() instanceof CancellationException)) {
                failure = future.exceptionNow();
            }
        }
        if (failure instanceof ChainUnreachable unreachable) {
            throw unreachable;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        return answers;
    }

    private static List<RpcCall<?>> headersAndReceipts(Batch range) {
        List<RpcCall<?>> calls = new ArrayList<>();
        LongStream.rangeClosed(range.from(), range.to()).forEach(n -> calls.add(RpcCall.block(BlockFollower.hex(n))));
        LongStream.rangeClosed(range.from(), range.to()).forEach(n -> calls.add(RpcCall.blockReceipts(n)));
        return calls;
    }

    private static List<RpcCall<?>> fullBlocks(Batch range) {
        return LongStream.rangeClosed(range.from(), range.to()).<RpcCall<?>>mapToObj(RpcCall::blockWithTransactions)
                .toList();
    }

    private static List<EthBlock.Block> served(ChainClient.Answers answers, Batch range) {
        List<EthBlock.Block> blocks = new ArrayList<>();
        for (int i = 0; i < range.size(); i++) {
            blocks.add(BlockFollower.served(answers.get(i, EthBlock.class), range.from() + i));
        }
        return blocks;
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

    /** Blocks {@code from}–{@code to} of one batch. */
    private record Batch(long from, long to) {
        long size() {
            return to - from + 1;
        }
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
