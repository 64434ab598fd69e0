package org.firebreak.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.firebreak.shared.InvalidConfiguration;
import org.firebreak.shared.YamlDocuments;
import org.junit.jupiter.api.Test;

/** An endpoint's rate limit as operators write it in a chain profile. */
class RpcEndpointTest {

    private static ChainProfile profile(String rpcLine) {
        return YamlDocuments.read("chain-profile.yml", new ByteArrayInputStream(("""
                chainId: 138
                rpc:
                  - %s
                contracts:
                  entryPoint: { name: EntryPoint, address: "0x0000000071727De22E5E9d8BAf0edAc6f37da032" }
                  accountFactory: { name: Factory, address: "0x0000000000000000000000000000000000000f00" }
                  delegationManager: { name: DelegationManager, address: "0xdb9B1e94B5b69Df7e401DDbedE43491141047dB3" }
                """.formatted(rpcLine)).getBytes(StandardCharsets.UTF_8)), ChainProfile.class);
    }

    @Test
    void anEndpointWithoutARateLimitGetsTheDefault() {
        ChainProfile profile = profile("{ name: primary, url: \"http://127.0.0.1:8545/\" }");

        assertThat(profile.rpc().getFirst().requestsPerMinute())
                .isEqualTo(ChainProfile.RpcEndpoint.DEFAULT_REQUESTS_PER_MINUTE);
    }

    @Test
    void zeroMeansTheDefaultAndAGivenLimitIsKept() {
        assertThat(profile("{ name: p, url: \"http://127.0.0.1:8545/\", requestsPerMinute: 0 }").rpc().getFirst()
                .requestsPerMinute()).isEqualTo(1200);
        assertThat(profile("{ name: p, url: \"http://127.0.0.1:8545/\", requestsPerMinute: 300 }").rpc().getFirst()
                .requestsPerMinute()).isEqualTo(300);
    }

    @Test
    void aNegativeLimitIsRefusedNamingTheField() {
        assertThatThrownBy(() -> profile("{ name: p, url: \"http://127.0.0.1:8545/\", requestsPerMinute: -5 }"))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("requestsPerMinute");
    }
}
