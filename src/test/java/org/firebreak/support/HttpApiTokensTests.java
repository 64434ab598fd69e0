package org.firebreak.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.firebreak.shared.web.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The tests' HTTP client keeps one token per account and address; when a later server is given the port of one that
 * stopped, the kept token is unknown to it and the client makes a new one instead of failing the test with a 401.
 */
@FirebreakIntegrationTest
class HttpApiTokensTests {

    private static final String FROM_AN_EARLIER_SERVER = "fbk_issued-by-a-server-that-has-stopped-000000000000";

    @LocalServerPort
    int port;

    @Test
    void aRequestWithATokenThisServerNeverIssuedIsMadeAgainWithANewOne() {
        HttpApi api = new HttpApi(port).as("ports-reused", Role.VIEWER);
        assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
        api.keep("ports-reused", FROM_AN_EARLIER_SERVER);

        HttpApi.Response me = api.get("/api/v1/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo("ports-reused");
    }

    @Test
    void tokenForHandsOutATokenThisServerIssued() {
        HttpApi api = new HttpApi(port);
        api.keep("cli-user", FROM_AN_EARLIER_SERVER);

        String token = api.tokenFor("cli-user", Role.VIEWER);

        assertThat(token).isNotEqualTo(FROM_AN_EARLIER_SERVER);
        assertThat(new HttpApi(port).anonymous().get("/api/v1/me", "Authorization", "Bearer " + token).status())
                .isEqualTo(200);
    }
}
