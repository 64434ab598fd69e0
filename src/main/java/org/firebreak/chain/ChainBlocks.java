package org.firebreak.chain;

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
 */
@Service
public class ChainBlocks {

    private final ChainProfiles profiles;
    private final ChainClient client;

    ChainBlocks(ChainProfiles profiles, ChainClient client) {
        this.profiles = profiles;
        this.client = client;
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
        Optional<BlockAt> first = search.firstAtOrAfter(from);
        Optional<BlockAt> last = search.lastAtOrBefore(to);
        if (first.isEmpty() || last.isEmpty() || first.get().number() > last.get().number()) {
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

    private ChainProfile profile() {
        return profiles.current().orElseThrow(() -> new BlockLookupFailed("no chain profile: " + profiles.describe()));
    }

    /** One search against one head, so both ends of a window are found on the same chain view. */
    private final class Search {

        private final ChainProfile profile;
        private final BlockAt genesis;
        private final BlockAt head;

        Search(ChainProfile profile) {
            this.profile = profile;
            List<BlockAt> ends = read(List.of(RpcCall.block("earliest"), RpcCall.block("latest")));
            this.genesis = ends.get(0);
            this.head = ends.get(1);
        }

        Optional<BlockAt> firstAtOrAfter(Instant at) {
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

        Optional<BlockAt> lastAtOrBefore(Instant at) {
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
