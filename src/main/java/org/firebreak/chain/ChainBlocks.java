package org.firebreak.chain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.utils.Numeric;

/**
 * Which blocks lie in a time window, read from the node of the profile in force: a binary search over
 * {@code eth_getBlockByNumber} (block times never decrease), about 2·log2(head) calls for a window. Block times are
 * whole seconds, so an instant inside a second counts from that second's block onwards.
 * <p>
 * An answer found {@value #SETTLED_DEPTH} or more blocks below the head is kept (per chain, instant and direction, at
 * most {@value #KEPT} of them): no reorganisation reaches that deep on the chains Firebreak watches, so a review
 * page asking for the same past window again costs no RPC call, even while the endpoint's rate limit is taken by
 * diagnostics. {@code firebreak_chain_block_reads_total} counts the blocks read.
 */
@Service
public class ChainBlocks {

    static final long SETTLED_DEPTH = 64;
    static final int KEPT = 10_000;

    private final ChainProfiles profiles;
    private final ChainClient client;
    private final Counter reads;
    /** Answers that can no longer change; an empty one is "before genesis", which no later block changes either. */
    private final Map<Settled, Optional<BlockAt>> settled = new ConcurrentHashMap<>();

    /** A past instant's answer on one chain: the first block at or after it, or the last at or before it. */
    private record Settled(long chainId, Instant at, boolean firstAtOrAfter) {
    }

    ChainBlocks(ChainProfiles profiles, ChainClient client, MeterRegistry meters) {
        this.profiles = profiles;
        this.client = client;
        this.reads = Counter.builder("firebreak_chain_block_reads")
                .description("Blocks read to find a time window's blocks").register(meters);
    }

    /**
     * The first block at or after {@code from} and the last at or before {@code to}; empty when no block's time lies
     * in [from, to] (the window is before genesis, after the head, or between two blocks).
     *
     * @throws BlockLookupFailed when there is no chain profile or no endpoint answers
     */
    public Optional<BlockRange> between(Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the window ends (" + to + ") before it starts (" + from + ")");
        }
        Search search = new Search(profile());
        Optional<BlockAt> last = search.lastAtOrBefore(to);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Optional<BlockAt> first = search.firstAtOrAfter(from);
        if (first.isEmpty() || first.get().number() > last.get().number()) {
            return Optional.empty();
        }
        return Optional.of(new BlockRange(first.get(), last.get()));
    }

    /** The first block whose time is at or after {@code at}; empty when the head is older. */
    public Optional<BlockAt> firstAtOrAfter(Instant at) {
        return new Search(profile()).firstAtOrAfter(at);
    }

    /** The last block whose time is at or before {@code at}; empty when genesis is younger. */
    public Optional<BlockAt> lastAtOrBefore(Instant at) {
        return new Search(profile()).lastAtOrBefore(at);
    }

    private void remember(Settled key, Optional<BlockAt> answer) {
        if (settled.size() >= KEPT) {
            settled.clear();
        }
        settled.put(key, answer);
    }

    private ChainProfile profile() {
        return profiles.current().orElseThrow(() -> new BlockLookupFailed("no chain profile: " + profiles.describe()));
    }

    /**
     * One search against one head, so both ends of a window are found on the same chain view. Kept answers come
     * first; genesis and head are read only when an answer has to be searched for.
     */
    private final class Search {

        private final ChainProfile profile;
        /** Read by {@link #readEnds()} before any search uses them. */
        private @Nullable BlockAt genesis;
        private @Nullable BlockAt head;

        Search(ChainProfile profile) {
            this.profile = profile;
        }

        Optional<BlockAt> firstAtOrAfter(Instant at) {
            Settled key = new Settled(profile.chainId(), at, true);
            Optional<BlockAt> kept = settled.get(key);
            if (kept != null) {
                return kept;
            }
            readEnds();
            Optional<BlockAt> found = searchFirstAtOrAfter(at);
            found.ifPresent(block -> keep(key, block));
            return found;
        }

        Optional<BlockAt> lastAtOrBefore(Instant at) {
            Settled key = new Settled(profile.chainId(), at, false);
            Optional<BlockAt> kept = settled.get(key);
            if (kept != null) {
                return kept;
            }
            readEnds();
            Optional<BlockAt> found = searchLastAtOrBefore(at);
            if (found.isEmpty()) {
                remember(key, found); // before genesis, for good
            }
            // Only when a later block exists: the last block at or before a time past the head may still change.
            found.filter(block -> block.number() < head.number()).ifPresent(block -> keep(key, block));
            return found;
        }

        private void readEnds() {
            if (head == null) {
                List<BlockAt> ends = read(List.of(RpcCall.block("earliest"), RpcCall.block("latest")));
                genesis = ends.get(0);
                head = ends.get(1);
            }
        }

        private void keep(Settled key, BlockAt block) {
            if (head.number() - block.number() >= SETTLED_DEPTH) {
                remember(key, Optional.of(block));
            }
        }

        private Optional<BlockAt> searchFirstAtOrAfter(Instant at) {
            if (head.time().isBefore(seconds(at))) {
                return Optional.empty();
            }
            if (!genesis.time().isBefore(seconds(at))) {
                return Optional.of(genesis);
            }
            // invariant: lo's time < at <= hi's time
            BlockAt lo = genesis;
            BlockAt hi = head;
            while (hi.number() - lo.number() > 1) {
                BlockAt mid = block(lo.number() + (hi.number() - lo.number()) / 2);
                if (mid.time().isBefore(seconds(at))) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return Optional.of(hi);
        }

        private Optional<BlockAt> searchLastAtOrBefore(Instant at) {
            if (genesis.time().isAfter(at)) {
                return Optional.empty();
            }
            if (!head.time().isAfter(at)) {
                return Optional.of(head);
            }
            // invariant: lo's time <= at < hi's time
            BlockAt lo = genesis;
            BlockAt hi = head;
            while (hi.number() - lo.number() > 1) {
                BlockAt mid = block(lo.number() + (hi.number() - lo.number()) / 2);
                if (mid.time().isAfter(at)) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            return Optional.of(lo);
        }

        private BlockAt block(long number) {
            return read(List.of(RpcCall.block(Numeric.encodeQuantity(BigInteger.valueOf(number))))).getFirst();
        }

        private List<BlockAt> read(List<RpcCall<?>> calls) {
            try {
                reads.increment(calls.size());
                ChainClient.Answers answers = client.send(profile, calls);
                return java.util.stream.IntStream.range(0, calls.size()).mapToObj(i -> {
                    EthBlock response = answers.get(i, EthBlock.class);
                    ChainDiagnostic.failOnError(response);
                    EthBlock.Block b = response.getBlock();
                    if (b == null) {
                        throw new BlockLookupFailed("the node has no block " + calls.get(i).params().getFirst());
                    }
                    return new BlockAt(b.getNumber().longValueExact(), b.getHash(),
                            Instant.ofEpochSecond(b.getTimestamp().longValueExact()));
                }).toList();
            } catch (ChainUnreachable e) {
                throw new BlockLookupFailed(e.getMessage());
            } catch (IllegalStateException e) {
                throw new BlockLookupFailed("reading blocks failed: " + e.getMessage());
            }
        }
    }

    /** Block times are whole seconds: an instant inside a second is reached by that second's successor block. */
    private static Instant seconds(Instant at) {
        Instant whole = at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return whole.equals(at) ? at : whole.plusSeconds(1);
    }
}
