package org.firebreak.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.firebreak.chain.RateLimits.Caller;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    private final RateLimits limits = new RateLimits();

    @Test
    void aFullMinuteOfRequestsIsAvailableAtOnceThenTheEndpointMustWait() throws InterruptedException {
        var endpoint = new ChainProfile.RpcEndpoint("public", URI.create("http://127.0.0.1:1/"), 60);

        assertThat(limits.acquire(endpoint, 60, Caller.PERSON, Duration.ZERO)).isTrue();
        assertThat(limits.acquire(endpoint, 5, Caller.PERSON, Duration.ofMillis(10))).as("5 more need 5 s at 1/s")
                .isFalse();
        assertThat(limits.acquire(endpoint, 1, Caller.PERSON, Duration.ofMillis(1500))).as("one token refills in 1 s")
                .isTrue();
    }

    @Test
    void backgroundWorkLeavesAQuarterOfTheMinuteToPeople() throws InterruptedException {
        var endpoint = new ChainProfile.RpcEndpoint("shared", URI.create("http://127.0.0.1:3/"), 60);

        assertThat(limits.acquire(endpoint, 45, Caller.BACKGROUND, Duration.ZERO)).isTrue();
        assertThat(limits.acquire(endpoint, 1, Caller.BACKGROUND, Duration.ofMillis(10)))
                .as("the last 15 of 60 are not the background's").isFalse();
        assertThat(limits.acquire(endpoint, 15, Caller.PERSON, Duration.ZERO)).as("a person gets them at once")
                .isTrue();
        assertThat(limits.acquire(endpoint, 1, Caller.PERSON, Duration.ofMillis(10))).as("and then waits like anyone")
                .isFalse();
    }

    @Test
    void backgroundWorkWaitsForTheRefillAboveThePeoplesShare() {
        var bucket = new RateLimits.Bucket(60);
        assertThat(bucket.tryTake(45, Caller.BACKGROUND)).isZero();
        long wait = bucket.tryTake(2, Caller.BACKGROUND);
        assertThat(Duration.ofNanos(wait)).as("2 tokens above the 15 kept, at 1 a second")
                .isBetween(Duration.ofMillis(1900), Duration.ofMillis(2000));
    }

    @Test
    void aBackgroundBatchLargerThanThreeQuartersStillFitsInTheWholeBucket() {
        var bucket = new RateLimits.Bucket(10);
        assertThat(bucket.tryTake(10, Caller.BACKGROUND)).as("else it would never fit").isZero();
    }

    @Test
    void aBatchLargerThanTheWholeMinuteNeverFitsInAShortTimeout() throws InterruptedException {
        var endpoint = new ChainProfile.RpcEndpoint("tiny", URI.create("http://127.0.0.1:2/"), 10);
        assertThat(limits.acquire(endpoint, 11, Caller.PERSON, Duration.ofMillis(50))).isFalse();
    }

    @Test
    void whatACallerMayTakeNowIsTheBucketAboveThePeoplesShareForBackgroundWork() throws InterruptedException {
        var endpoint = new ChainProfile.RpcEndpoint("counted", URI.create("http://127.0.0.1:4/"), 1200);

        assertThat(limits.available(endpoint, Caller.BACKGROUND)).isEqualTo(900);
        assertThat(limits.available(endpoint, Caller.PERSON)).isEqualTo(1200);
        assertThat(limits.acquire(endpoint, 800, Caller.BACKGROUND, Duration.ZERO)).isTrue();
        assertThat(limits.available(endpoint, Caller.BACKGROUND)).as("100 left above the 300 kept, plus the refill "
                + "of a few ms at 20 a second").isBetween(100, 110);
        assertThat(limits.available(endpoint, Caller.PERSON)).isBetween(400, 410);
    }

    @Test
    void aCatchUpThatWouldWaitForTheLimitReadsFullBlocksAndOneThatFitsReadsReceipts() {
        // chain 138's public endpoint: 900 calls for background work; 1,000 blocks by receipts need 2,000
        assertThat(FollowerBlocks.receiptsFit(1_000, 900)).isFalse();
        assertThat(FollowerBlocks.receiptsFit(450, 900)).isTrue();
        assertThat(FollowerBlocks.receiptsFit(451, 900)).isFalse();
        // following the head: a block or two a step
        assertThat(FollowerBlocks.receiptsFit(2, 900)).isTrue();
        // an operator's own node at 1,000,000 a minute: a whole 2,000-block step
        assertThat(FollowerBlocks.receiptsFit(2_000, 750_000)).isTrue();
        assertThat(FollowerBlocks.receiptsFit(1, 0)).as("no usable endpoint: nothing fits").isFalse();
    }
}
