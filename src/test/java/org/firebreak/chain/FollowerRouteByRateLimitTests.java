package org.firebreak.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.firebreak.devnet.Devnet;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.IsolatedDevnet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The follower chooses how to read blocks by what the endpoint's rate limit allows ({@link FollowerBlocks#receiptsFit}):
 * behind an endpoint at 600 calls a minute (450 for background work), a catch-up of 300 blocks would need 600 calls by
 * headers and receipts, so it reads the blocks in full (one call a block, within the limit, nothing waits); following
 * the head afterwards, a block or two a step, it reads headers and receipts again, and takes the events from the
 * receipts' logs rather than asking {@code eth_getLogs} for them. A read's batches go out a few at once.
 */
@FirebreakIntegrationTest
@DirtiesContext
class FollowerRouteByRateLimitTests {

    @RegisterExtension
    static final IsolatedDevnet isolated = new IsolatedDevnet();
    private static final Devnet devnet = isolated.devnet();
    private static RpcProxy proxy;

    @Autowired
    BlockFollower follower;

    @DynamicPropertySource
    static void limitedProfile(DynamicPropertyRegistry registry) throws IOException {
        proxy = RpcProxy.onlyEndpoint(isolated, registry, "limited", 600);
    }

    @AfterAll
    static void stopProxy() {
        proxy.close();
    }

    @Test
    void aCatchUpBeyondTheLimitReadsFullBlocksAndFollowingTheHeadReadsReceipts() throws Exception {
        try (DevnetProbe chain = DevnetProbe.at(devnet.state().anvilUrl())) {
            chain.followToHead(follower);
            int before = proxy.reads().size();
            chain.anvil("anvil_mine", "0x12c");

            chain.followToHead(follower);

            List<List<String>> catchUp = proxy.reads().subList(before, proxy.reads().size());
            assertThat(catchUp).as("300 blocks behind: read in full, no receipts asked, the events by eth_getLogs")
                    .anySatisfy(r -> assertThat(r).hasSizeGreaterThan(1).containsOnly("eth_getBlockByNumber"))
                    .anySatisfy(r -> assertThat(r).contains("eth_getLogs"))
                    .noneSatisfy(r -> assertThat(r).contains("eth_getBlockReceipts"));
            assertThat(proxy.mostReadsAtOnce()).as("the catch-up's 12 batches of 25 blocks go out several at once, never "
                    + "more than " + FollowerBlocks.IN_FLIGHT).isBetween(2, FollowerBlocks.IN_FLIGHT);

            // 3 s refill 30 calls at 10 a second
            Thread.sleep(3_000);
            int caughtUp = proxy.reads().size();
            chain.anvil("anvil_mine", "0x1");

            chain.followToHead(follower);

            assertThat(proxy.reads().subList(caughtUp, proxy.reads().size()))
                    .as("following the head: headers and receipts, the events from the receipts' logs")
                    .anySatisfy(r -> assertThat(r).contains("eth_getBlockReceipts"))
                    .noneSatisfy(r -> assertThat(r).contains("eth_getLogs"));
        }
    }
}
