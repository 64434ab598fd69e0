package org.firebreak.chain;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.firebreak.chain.ChainProfile.ContractRef;
import org.firebreak.chain.ChainProfile.Follow;
import org.firebreak.chain.FollowerStore.Block;
import org.firebreak.chain.FollowerStore.Cursor;
import org.firebreak.shared.InvalidConfiguration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Follows the chain of the profile in force, {@code follow.confirmations} blocks behind its head: decodes the
 * events of the stack's contracts ({@link StackEvents}, admin events of every watched contract among them), the
 * failed {@code redeemDelegations} transactions to the DelegationManager and the new contracts that embed a watched
 * address ({@link StagedContracts}), and stores them with the cursor and the followed blocks' hashes in one transaction per
 * batch, so a restart resumes exactly after the last committed block and every event is stored once.
 *
 * <p>Before advancing it checks that the last followed block is still the node's; when it is not, it walks back over
 * the {@value #KEEP_BLOCKS} kept blocks to the common ancestor, deletes the orphaned blocks' events, rewinds the
 * cursor and publishes {@link ChainReorganized}. Behind the head it reads at most {@code follow.maxBlockRange} blocks a
 * step, through {@link ChainClient} (rate limits, failover), at most {@value #CALLS_PER_BATCH} calls to a batch: as
 * headers with their receipts, whose logs carry the events, where the endpoint serves them and its rate limit allows
 * ({@link FollowerBlocks}); otherwise in full with {@code eth_getLogs} for the events, halving the range while the node
 * refuses it and doubling it again after {@value #SUCCESSES_BEFORE_GROWING} successes. Only the transactions a detection
 * needs are read in full. Driven by the {@code chain-follower} task
 * ({@link FollowerTask}); one run follows for at most {@link #RUN_BUDGET}, then lets the next poll go on.
 */
@Component
class BlockFollower {

    private static final Logger log = LoggerFactory.getLogger(BlockFollower.class);

    static final int KEEP_BLOCKS = 256;
    static final int CALLS_PER_BATCH = 25;
    static final int SUCCESSES_BEFORE_GROWING = 3;
    static final Duration RUN_BUDGET = Duration.ofSeconds(10);
    static final String ZERO_HASH = "0x" + "0".repeat(64);
    /** How often a follower that finds nothing new records its round (a committed batch records it anyway). */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    private final ChainProfiles profiles;
    private final ChainClient client;
    private final FollowerStore store;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher publisher;
    private final FollowerMetrics metrics;
    private final AccountWatch watch;
    private final StagedContracts staged;
    private final FollowerBlocks reader;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    private volatile int logRange;
    private int successes;
    private volatile @Nullable Long lastHead;
    private volatile @Nullable String lastError;
    private volatile @Nullable Instant lastErrorAt;
    private volatile @Nullable Instant roundRecordedAt;

    BlockFollower(ChainProfiles profiles, ChainClient client, FollowerStore store, TransactionTemplate tx,
            ApplicationEventPublisher publisher, FollowerMetrics metrics, AccountWatch watch, StagedContracts staged,
            FollowerBlocks reader, Clock clock) {
        this.profiles = profiles;
        this.client = client;
        this.store = store;
        this.tx = tx;
        this.publisher = publisher;
        this.metrics = metrics;
        this.watch = watch;
        this.staged = staged;
        this.reader = reader;
        this.clock = clock;
    }

    /** What one run did: the head it saw, the block it followed to, batches committed, events stored, reorgs undone. */
    record Run(boolean following, long head, long followedTo, int batches, int events, int reorgs, @Nullable String error) {
    }

    /** This process's view: last head seen, the current eth_getLogs range and the last failure. */
    record State(@Nullable Long head, int logRange, @Nullable String lastError, @Nullable Instant lastErrorAt) {
    }

    State state() {
        return new State(lastHead, logRange, lastError, lastErrorAt);
    }

    /** One poll: follows until caught up or {@link #RUN_BUDGET} is spent. Never throws; a failure is kept in the state. */
    Run run() {
        Optional<ChainProfile> current;
        try {
            current = profiles.current();
        } catch (InvalidConfiguration e) {
            fail("the chain profile is invalid: " + e.getMessage());
            return new Run(false, -1, -1, 0, 0, 0, lastError);
        }
        if (current.isEmpty()) {
            return new Run(false, -1, -1, 0, 0, 0, null);
        }
        running.lock();
        try {
            return follow(current.get());
        } finally {
            running.unlock();
        }
    }

    private Run follow(ChainProfile profile) {
        Progress progress = new Progress();
        long deadline = System.nanoTime() + RUN_BUDGET.toNanos();
        try {
            while (step(profile, progress) && System.nanoTime() < deadline) {
                // one more batch
            }
            if (lastError != null) {
                log.info("Block follower works again at block {} (head {})", progress.followedTo, progress.head);
            }
            lastError = null;
            lastErrorAt = null;
            return progress.run(null);
        } catch (ChainUnreachable | RuntimeException e) {
            fail(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return progress.run(lastError);
        }
    }

    /** One step: start, undo a reorg or commit one batch; true when there is more to do at once. */
    private boolean step(ChainProfile profile, Progress progress) throws ChainUnreachable {
        Follow follow = profile.follow();
        Optional<Cursor> stored = store.cursor(profile.chainId());
        List<RpcCall<?>> calls = new ArrayList<>(List.of(RpcCall.blockNumber()));
        stored.filter(c -> c.block() >= 0).ifPresent(c -> calls.add(RpcCall.block(hex(c.block()))));
        ChainClient.Answers answers = client.send(profile, calls);
        long head = ChainDiagnostic.blockNumber(answers, 0);
        lastHead = head;
        progress.head = head;
        long target = head - follow.confirmations();
        if (stored.isEmpty()) {
            return start(profile, head, target);
        }
        Cursor cursor = stored.get();
        progress.followedTo = cursor.block();
        metrics.position(cursor.block(), head);
        if (cursor.block() >= 0) {
            EthBlock seen = answers.get(1, EthBlock.class);
            ChainDiagnostic.failOnError(seen);
            if (seen.getBlock() == null || !cursor.hash().equalsIgnoreCase(seen.getBlock().getHash())) {
                reorganize(profile, cursor, progress);
                return true;
            }
        }
        recordRound(profile.chainId(), head);
        if (cursor.block() >= target) {
            return false;
        }
        long from = cursor.block() + 1;
        long to = Math.min(target, from + range(follow) - 1);
        // By receipts the logs come with the blocks; read in full, eth_getLogs first, whose refusal shrinks the range
        // before any block is read.
        boolean byReceipts = reader.byReceipts(profile, to - from + 1);
        List<Log> logs = byReceipts ? null : logs(profile, from, to).orElse(null);
        if (!byReceipts && logs == null) {
            return true;
        }
        FollowerBlocks.Read read;
        String moved;
        try {
            read = reader.read(profile, from, to, byReceipts);
            if (logs == null) {
                // The logs came with the receipts, unless the endpoint turned out not to serve them (blocks in full).
                logs = read.logs() != null ? watched(profile, read.logs()) : logs(profile, from, to).orElse(null);
                if (logs == null) {
                    return true;
                }
            }
            moved = moved(cursor, read.blocks(), logs);
        } catch (FollowerBlocks.BlockMoved e) {
            read = null;
            moved = e.getMessage();
        }
        if (moved != null) {
            // The node's chain changed while the batch was read: commit nothing; the next poll checks the hashes.
            log.info("Block follower: blocks {}-{} changed while being read ({}); reading them again", from, to, moved);
            return false;
        }
        List<EthBlock.Block> blocks = Objects.requireNonNull(read).blocks();
        List<ChainEvent> events = new ArrayList<>(events(profile, blocks, Objects.requireNonNull(logs),
                failedRedemptions(profile, read)));
        events.addAll(staged.find(profile, read));
        AccountWatch.Watched watched = watch.watch(profile, blocks, events);
        events.addAll(watched.events());
        commit(profile, cursor, blocks, events, watched, head);
        progress.batches++;
        progress.events += events.size();
        progress.followedTo = to;
        metrics.position(to, head);
        return to < target;
    }

    /** The first cursor: just before {@code follow.startBlock}, or before the confirmed head. */
    private boolean start(ChainProfile profile, long head, long target) throws ChainUnreachable {
        Long configured = profile.follow().startBlock();
        long first = configured != null ? configured : Math.max(0, target);
        if (first - 1 > head) {
            return false;
        }
        List<RpcCall<?>> calls = new ArrayList<>(List.of(RpcCall.block("0x0")));
        if (first > 0) {
            calls.add(RpcCall.block(hex(first - 1)));
        }
        ChainClient.Answers answers = client.send(profile, calls);
        EthBlock.Block genesis = served(answers.get(0, EthBlock.class), 0);
        Block before = first > 0 ? block(served(answers.get(1, EthBlock.class), first - 1))
                : new Block(-1, ZERO_HASH, ZERO_HASH, time(genesis));
        store.createCursor(profile.chainId(), before, genesis.getHash(), head, now());
        log.info("Block follower starts on chain {} at block {} (head {}, {} confirmations)", profile.chainId(), first,
                head, profile.follow().confirmations());
        return true;
    }

    private Optional<List<Log>> logs(ChainProfile profile, long from, long to) throws ChainUnreachable {
        List<String> addresses = List.copyOf(roles(profile).keySet());
        String refusal;
        try {
            EthLog answer = client.send(profile, List.of(RpcCall.logs(addresses, from, to, StackEvents.topics())))
                    .get(0, EthLog.class);
            if (!answer.hasError()) {
                grown(profile.follow());
                return Optional.of(answer.getLogs().stream().map(result -> (Log) result)
                        .filter(l -> !l.isRemoved()).toList());
            }
            refusal = answer.getError().getMessage();
        } catch (ChainUnreachable e) {
            if (from == to) {
                throw e;
            }
            refusal = e.getMessage();
        }
        if (from == to) {
            throw new IllegalStateException("the node refuses eth_getLogs even for block " + from + ": " + refusal);
        }
        logRange = (int) Math.max(1, (to - from + 1) / 2);
        successes = 0;
        metrics.rangeRefused();
        log.info("Block follower: eth_getLogs over blocks {}-{} refused ({}); asking {} blocks at a time", from, to,
                refusal, logRange);
        return Optional.empty();
    }

    /**
     * The logs {@code eth_getLogs} would have answered for the followed contracts and events: of a followed address,
     * with a stack event's topic first, not removed; in the given (chain) order.
     */
    static List<Log> watched(ChainProfile profile, List<Log> all) {
        Set<String> addresses = roles(profile).keySet();
        Set<String> topics = Set.copyOf(StackEvents.topics());
        List<Log> watched = new ArrayList<>();
        for (Log l : all) {
            List<String> logTopics = l.getTopics();
            if (!l.isRemoved() && l.getAddress() != null && logTopics != null && !logTopics.isEmpty()
                    && addresses.contains(l.getAddress().toLowerCase(Locale.ROOT))
                    && topics.contains(logTopics.getFirst().toLowerCase(Locale.ROOT))) {
                watched.add(l);
            }
        }
        return watched;
    }

    private int range(Follow follow) {
        if (logRange <= 0 || logRange > follow.maxBlockRange()) {
            logRange = follow.maxBlockRange();
        }
        return logRange;
    }

    private void grown(Follow follow) {
        if (++successes >= SUCCESSES_BEFORE_GROWING && logRange < follow.maxBlockRange()) {
            logRange = Math.min(follow.maxBlockRange(), logRange * 2);
            successes = 0;
        }
    }

    /** Why the blocks and logs read are not one chain continuing the cursor's block, or null when they are. */
    private static @Nullable String moved(Cursor cursor, List<EthBlock.Block> blocks, List<Log> logs) {
        String parent = cursor.hash();
        Map<Long, String> hashes = new HashMap<>();
        for (EthBlock.Block block : blocks) {
            if (!block.getParentHash().equalsIgnoreCase(parent)) {
                return "block " + number(block) + "'s parent is " + block.getParentHash() + ", not " + parent;
            }
            parent = block.getHash();
            hashes.put(number(block), block.getHash());
        }
        for (Log l : logs) {
            if (!l.getBlockHash().equalsIgnoreCase(hashes.get(quantity(l.getBlockNumberRaw())))) {
                return "a log of block " + quantity(l.getBlockNumberRaw()) + " is from block " + l.getBlockHash();
            }
        }
        return null;
    }

    private record Failed(EthBlock.Block block, Transaction transaction, TransactionReceipt receipt) {
    }

    /** redeemDelegations transactions to the DelegationManager that reverted, by their receipts (read with the blocks, or asked for). */
    private List<Failed> failedRedemptions(ChainProfile profile, FollowerBlocks.Read read) throws ChainUnreachable {
        String manager = profile.contracts().delegationManager().address();
        List<Map.Entry<EthBlock.Block, Transaction>> sent = new ArrayList<>();
        for (EthBlock.Block block : read.blocks()) {
            for (EthBlock.TransactionResult<?> result : block.getTransactions()) {
                if (result.get() instanceof Transaction t && manager.equalsIgnoreCase(t.getTo()) && t.getInput() != null
                        && t.getInput().toLowerCase(Locale.ROOT).startsWith(StackEvents.REDEEM_DELEGATIONS)) {
                    sent.add(Map.entry(block, t));
                }
            }
        }
        if (sent.isEmpty()) {
            return List.of();
        }
        Map<String, TransactionReceipt> receipts = FollowerBlocks.receipts(client, profile, read,
                sent.stream().map(e -> e.getValue().getHash()).toList());
        List<Failed> failed = new ArrayList<>();
        for (Map.Entry<EthBlock.Block, Transaction> e : sent) {
            String hash = e.getValue().getHash();
            TransactionReceipt receipt = receipts.get(hash.toLowerCase(Locale.ROOT));
            if (receipt == null) {
                throw new IllegalStateException("no receipt for mined transaction " + hash);
            }
            if (!receipt.isStatusOK()) {
                failed.add(new Failed(e.getKey(), e.getValue(), receipt));
            }
        }
        return failed;
    }

    private static List<ChainEvent> events(ChainProfile profile, List<EthBlock.Block> blocks, List<Log> logs,
            List<Failed> failed) {
        Map<String, String> roles = roles(profile);
        Map<Long, Block> byNumber = new HashMap<>();
        blocks.forEach(b -> byNumber.put(number(b), block(b)));
        List<ChainEvent> events = new ArrayList<>();
        for (Log l : logs) {
            Block block = byNumber.get(quantity(l.getBlockNumberRaw()));
            String address = l.getAddress().toLowerCase(Locale.ROOT);
            EntryPointVersion entryPoint = profile.contracts().entryPointVersion(address);
            StackEvents.decode(l, entryPoint).ifPresent(decoded -> events.add(new ChainEvent(
                    block.number(), block.hash(), block.time(), l.getTransactionHash(),
                    Math.toIntExact(quantity(l.getLogIndexRaw())), roles.getOrDefault(address, "unknown"), address,
                    decoded.name(), expected(profile, decoded))));
        }
        String manager = profile.contracts().delegationManager().address().toLowerCase(Locale.ROOT);
        for (Failed f : failed) {
            events.add(new ChainEvent(number(f.block()), f.block().getHash(), time(f.block()),
                    f.transaction().getHash(), -1 - f.transaction().getTransactionIndex().intValueExact(),
                    roles.get(manager), manager, StackEvents.REDEMPTION_FAILED,
                    Map.of("from", f.transaction().getFrom().toLowerCase(Locale.ROOT),
                            "gasUsed", f.receipt().getGasUsed().toString(), "status", "0")));
        }
        events.sort(Comparator.comparingLong(ChainEvent::blockNumber).thenComparingInt(ChainEvent::logIndex));
        return events;
    }

    /** An ownership event's fields with {@code expected}: whether the profile expects its new owner. */
    private static Map<String, String> expected(ChainProfile profile, StackEvents.Decoded decoded) {
        if (!StackEvents.OWNERSHIP.contains(decoded.name())) {
            return decoded.fields();
        }
        Map<String, String> fields = new LinkedHashMap<>(decoded.fields());
        fields.put("expected", Boolean.toString(profile.expectsOwner(fields.getOrDefault("newOwner", ""))));
        return fields;
    }

    /** The followed contracts by lowercase address, each with its role in the profile. */
    static Map<String, String> roles(ChainProfile profile) {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put(lower(profile.contracts().delegationManager()), "delegationManager");
        profile.contracts().entryPoints().forEach(e -> roles.put(e.address().toLowerCase(Locale.ROOT), "entryPoint"));
        if (profile.contracts().paymaster() != null) {
            roles.putIfAbsent(lower(profile.contracts().paymaster()), "paymaster");
        }
        roles.putIfAbsent(lower(profile.contracts().accountFactory()), "accountFactory");
        profile.contracts().enforcers().forEach(e -> roles.putIfAbsent(lower(e), "enforcer"));
        profile.contracts().pausable().forEach(p -> roles.putIfAbsent(lower(p), "pausable"));
        return roles;
    }

    private void commit(ChainProfile profile, Cursor cursor, List<EthBlock.Block> blocks, List<ChainEvent> events,
            AccountWatch.Watched watched, long head) {
        long chainId = profile.chainId();
        List<Block> kept = blocks.subList(Math.max(0, blocks.size() - KEEP_BLOCKS), blocks.size()).stream()
                .map(BlockFollower::block).toList();
        Block last = kept.getLast();
        tx.executeWithoutResult(status -> {
            store.moveCursor(cursor, last, head, now());
            store.addBlocks(chainId, kept);
            store.forgetBlocksUpTo(chainId, last.number() - KEEP_BLOCKS);
            store.addEvents(chainId, events);
            watch.save(chainId, watched, now());
            publisher.publishEvent(new BlocksFollowed(number(blocks.getFirst()), last.number(),
                    last.time(), events.size()));
        });
        roundRecordedAt = now();
        metrics.committed(events);
    }

    /**
     * Walks back to the newest kept block the node still has, deletes what followed it and rewinds the cursor there.
     * When no kept block is the node's: another chain (genesis changed: a devnet started anew) is followed afresh;
     * a reorg deeper than the kept blocks rewinds to just below them.
     */
    private void reorganize(ChainProfile profile, Cursor cursor, Progress progress) throws ChainUnreachable {
        long chainId = profile.chainId();
        List<Block> kept = store.recentBlocks(chainId);
        Block ancestor = null;
        for (int first = 0; first < kept.size() && ancestor == null; first += CALLS_PER_BATCH) {
            List<Block> chunk = kept.subList(first, Math.min(kept.size(), first + CALLS_PER_BATCH));
            ChainClient.Answers answers = client.send(profile,
                    chunk.stream().<RpcCall<?>>map(b -> RpcCall.block(hex(b.number()))).toList());
            for (int i = 0; i < chunk.size() && ancestor == null; i++) {
                EthBlock.Block node = answers.get(i, EthBlock.class).getBlock();
                if (node != null && node.getHash().equalsIgnoreCase(chunk.get(i).hash())) {
                    ancestor = chunk.get(i);
                }
            }
        }
        if (ancestor == null) {
            long below = (kept.isEmpty() ? cursor.block() : kept.getLast().number()) - 1;
            List<RpcCall<?>> calls = new ArrayList<>(List.of(RpcCall.block("0x0")));
            if (below >= 0) {
                calls.add(RpcCall.block(hex(below)));
            }
            ChainClient.Answers answers = client.send(profile, calls);
            EthBlock.Block genesis = served(answers.get(0, EthBlock.class), 0);
            if (!genesis.getHash().equalsIgnoreCase(cursor.genesisHash())) {
                int forgotten = Objects.requireNonNull(tx.execute(status -> {
                    watch.forgetChain(chainId);
                    return store.forgetChain(chainId);
                }));
                log.warn("Block follower: the node serves another chain {} now (genesis {}, followed {}); forgot {} events "
                        + "and follows it afresh", chainId, genesis.getHash(), cursor.genesisHash(), forgotten);
                return;
            }
            ancestor = below >= 0 ? block(served(answers.get(1, EthBlock.class), below))
                    : new Block(-1, ZERO_HASH, ZERO_HASH, time(genesis));
            log.error("Block follower: reorg deeper than the {} kept blocks on chain {}; rewinding to block {} unverified",
                    KEEP_BLOCKS, chainId, ancestor.number());
        }
        Block commonAncestor = ancestor;
        Instant now = now();
        ChainReorganized reorg = Objects.requireNonNull(tx.execute(status -> {
            int orphaned = store.forgetAfter(chainId, commonAncestor.number());
            ChainReorganized r = new ChainReorganized(commonAncestor.number(), cursor.block(), cursor.hash(), orphaned, now);
            store.moveCursor(cursor, commonAncestor, cursor.head(), now);
            store.recordReorg(chainId, r);
            publisher.publishEvent(r);
            return r;
        }));
        metrics.reorganized();
        progress.reorgs++;
        log.warn("Reorg on chain {}: followed blocks {}-{} (last {}) were replaced; {} events deleted; following again "
                + "from block {}", chainId, reorg.commonAncestor() + 1, reorg.orphanedTo(), reorg.orphanedHash(),
                reorg.orphanedEvents(), reorg.commonAncestor() + 1);
    }

    /**
     * The node answered and the last followed block is still its own: a round made, recorded at most every
     * {@link #PROGRESS_EVERY} so that every replica's status can tell a follower that goes on from one that stalled.
     */
    private void recordRound(long chainId, long head) {
        Instant now = now();
        Instant last = roundRecordedAt;
        if (last == null || now.isBefore(last) || !now.isBefore(last.plus(PROGRESS_EVERY))) {
            store.checked(chainId, head, now);
            roundRecordedAt = now;
        }
    }

    private void fail(String problem) {
        if (!problem.equals(lastError)) {
            log.warn("Block follower: {}", problem);
        }
        lastError = problem;
        lastErrorAt = now();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static EthBlock.Block served(EthBlock answer, long number) {
        ChainDiagnostic.failOnError(answer);
        if (answer.getBlock() == null) {
            throw new IllegalStateException("the node does not serve block " + number);
        }
        return answer.getBlock();
    }

    private static Block block(EthBlock.Block b) {
        return new Block(number(b), b.getHash(), b.getParentHash(), time(b));
    }

    private static long number(EthBlock.Block block) {
        return quantity(block.getNumberRaw());
    }

    private static Instant time(EthBlock.Block block) {
        return Instant.ofEpochSecond(quantity(block.getTimestampRaw()));
    }

    /**
     * A JSON-RPC quantity ({@code 0x}-hex) as a long. web3j's getters ({@code getNumber()}, {@code getLogIndex()})
     * decode theirs on every call through {@link Numeric#decodeQuantity}, which first tries the text as a decimal and
     * throws and catches a NumberFormatException for every hex quantity: in a catch-up, a few exceptions an event.
     */
    static long quantity(String raw) {
        if (raw.length() > 2 && raw.length() <= 17 && raw.charAt(0) == '0'
                && (raw.charAt(1) == 'x' || raw.charAt(1) == 'X')) {
            return Long.parseLong(raw, 2, raw.length(), 16);
        }
        return Numeric.decodeQuantity(raw).longValueExact();
    }

    static String hex(long number) {
        return Numeric.encodeQuantity(BigInteger.valueOf(number));
    }

    private static String lower(ContractRef contract) {
        return contract.address().toLowerCase(Locale.ROOT);
    }

    private static final class Progress {
        long head = -1;
        long followedTo = -1;
        int batches;
        int events;
        int reorgs;

        Run run(@Nullable String error) {
            return new Run(true, head, followedTo, batches, events, reorgs, error);
        }
    }
}
