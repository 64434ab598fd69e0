package org.firebreak.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.firebreak.FirebreakApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Outside the devnet, the shipped or short secrets do not start; files can supply them. */
class ProductionSecretsTest {

    private static final String STRONG = "a-secret-of-thirty-two-characters";

    @TempDir
    Path tmp;

    private StandardEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        Map<String, Object> all = new HashMap<>(Map.of(
                "firebreak.oncall.ack-secret", "devnet-ack-secret",
                "firebreak.notify.default-webhook-secret", "devnet-webhook-secret",
                "firebreak.detection.integrations[0].name", "alertmanager",
                "firebreak.detection.integrations[0].secret", "devnet-alertmanager-secret",
                "firebreak.detection.integrations[1].name", "pagerduty",
                "firebreak.detection.integrations[1].secret", "devnet-pagerduty-secret"));
        all.putAll(settings);
        environment.getPropertySources().addFirst(new MapPropertySource("test", all));
        return environment;
    }

    private static void check(StandardEnvironment environment) {
        new ProductionSecrets().postProcessEnvironment(environment, new SpringApplication());
    }

    @Test
    void anExternalChainWithTheShippedSecretsIsRefusedNamingEachVariable() throws Exception {
        Path profile = Files.writeString(tmp.resolve("chain.yml"), "chainId: 1\n");

        assertThatThrownBy(() -> check(environment(Map.of("firebreak.chain.profile", profile.toString()))))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("FIREBREAK_ACK_SECRET (firebreak.oncall.ack-secret) is the shipped devnet default")
                .hasMessageContaining("FIREBREAK_WEBHOOK_SECRET")
                .hasMessageContaining("FIREBREAK_ALERTMANAGER_SECRET (firebreak.detection.integrations[0].secret")
                .hasMessageContaining("FIREBREAK_PAGERDUTY_SECRET");
        assertThatThrownBy(() -> check(environment(Map.of("firebreak.chain.rpc-url", "https://rpc.example.org",
                "firebreak.oncall.ack-secret", "short"))))
                .hasMessageContaining("FIREBREAK_ACK_SECRET (firebreak.oncall.ack-secret) is shorter than 16 bytes");
    }

    @Test
    void theDevnetAndAServerWatchingNoChainKeepTheDefaults() {
        assertThatNoException().isThrownBy(() -> check(environment(Map.of("firebreak.chain.rpc-url",
                "http://127.0.0.1:8545", "firebreak.devnet", "true"))));
        assertThatNoException().isThrownBy(() -> check(environment(Map.of("firebreak.chain.profile",
                tmp.resolve("not-there.yml").toString()))));
    }

    @Test
    void strongSecretsStartAndAFileCanSupplyOne() throws Exception {
        Path ack = Files.writeString(tmp.resolve("ack"), STRONG + "-from-a-file\n");
        StandardEnvironment environment = environment(Map.of("firebreak.chain.rpc-url", "https://rpc.example.org",
                "firebreak.oncall.ack-secret", "${FIREBREAK_ACK_SECRET:devnet-ack-secret}",
                "firebreak.notify.default-webhook-secret", STRONG,
                "firebreak.detection.integrations[0].secret", STRONG,
                "firebreak.detection.integrations[1].secret", STRONG));
        ProductionSecrets.secretFiles(environment, Map.of("FIREBREAK_ACK_SECRET_FILE", ack.toString()));

        assertThatNoException().isThrownBy(() -> check(environment));
        assertThat(environment.getProperty("firebreak.oncall.ack-secret")).isEqualTo(STRONG + "-from-a-file");
        assertThatThrownBy(() -> ProductionSecrets.secretFiles(new StandardEnvironment(), Map.of(
                "FIREBREAK_ACK_SECRET_FILE", ack.toString(), "FIREBREAK_ACK_SECRET", STRONG)))
                .hasMessageContaining("both FIREBREAK_ACK_SECRET and FIREBREAK_ACK_SECRET_FILE are set");
    }

    /** The real application, as an operator starts it against their chain without setting the secrets. */
    @Test
    void theApplicationDoesNotStartOnAnExternalChainWithTheShippedSecrets() throws Exception {
        Path profile = Files.writeString(tmp.resolve("chain.yml"), "chainId: 1\n");

        assertThatThrownBy(() -> new SpringApplicationBuilder(FirebreakApplication.class).run(
                "--firebreak.data-dir=" + tmp.resolve("data"), "--firebreak.chain.profile=" + profile,
                "--server.port=0"))
                .hasMessageContaining("outside the devnet Firebreak does not start")
                .hasMessageContaining("FIREBREAK_ACK_SECRET").hasMessageContaining("FIREBREAK_WEBHOOK_SECRET")
                .hasMessageContaining("FIREBREAK_ALERTMANAGER_SECRET").hasMessageContaining("FIREBREAK_PAGERDUTY_SECRET");
    }
}
