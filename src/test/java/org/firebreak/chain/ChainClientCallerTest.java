package org.firebreak.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.firebreak.chain.RateLimits.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who waits for a chain call decides its place at the rate limit: a request's thread is a person's. */
class ChainClientCallerTest {

    @AfterEach
    void leaveNoRequestBehind() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aThreadServingAnHttpRequestCallsForAPerson() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        assertThat(ChainClient.caller()).isEqualTo(Caller.PERSON);
    }

    @Test
    void anyOtherThreadIsFirebreaksOwnBackgroundWork() {
        assertThat(ChainClient.caller()).isEqualTo(Caller.BACKGROUND);
    }
}
