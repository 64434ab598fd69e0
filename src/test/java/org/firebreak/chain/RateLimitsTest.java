package org.firebreak.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class RateLimitsTest {

    private final RateLimits limits = new RateLimits();

    @Test
    void aFullMinuteOfRequestsIsAvailableAtOnceThenTheEndpointMustWait() throws InterruptedException {
        var endpoint = new ChainProfile.RpcEndpoint("public", URI.create("http://127.0.0.1:1/"), 60);

        assertThat(limits.acquire(endpoint, 60, Duration.ZERO)).isTrue();
        assertThat(limits.acquire(endpoint, 5, Duration.ofMillis(10))).as("5 more need 5 s at 1/s").isFalse();
        assertThat(limits.acquire(endpoint, 1, Duration.ofMillis(1500))).as("one token refills in 1 s").isTrue();
    }

    @Test
    void aBatchLargerThanTheWholeMinuteNeverFitsInAShortTimeout() throws InterruptedException {
        var endpoint = new ChainProfile.RpcEndpoint("tiny", URI.create("http://127.0.0.1:2/"), 10);
        assertThat(limits.acquire(endpoint, 11, Duration.ofMillis(50))).isFalse();
    }
}
