package org.firebreak.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class NotifyRulesTest {

    @Test
    void backoffDoublesFromTheInitialWaitUpToTheCap() {
        NotifySettings.Retry retry = new NotifySettings.Retry(5, Duration.ofSeconds(2), Duration.ofSeconds(10));
        assertThat(List.of(1, 2, 3, 4).stream().map(retry::backoffAfter)).containsExactly(Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(10));
    }

    @Test
    void aSignatureVerifiesOnlyTheExactBodyUnderTheSameSecret() {
        byte[] body = "{\"kind\":\"PAGE\"}".getBytes(StandardCharsets.UTF_8);
        String header = WebhookSignature.of("secret-0123456789abcdef", body);
        assertThat(header).matches("sha256=[0-9a-f]{64}");
        assertThat(WebhookSignature.verify("secret-0123456789abcdef", body, header)).isTrue();
        assertThat(WebhookSignature.verify("another-secret-0123456789", body, header)).isFalse();
        assertThat(WebhookSignature.verify("secret-0123456789abcdef", "{\"kind\":\"PAGE\" }".getBytes(StandardCharsets.UTF_8),
                header)).isFalse();
    }

    @Test
    void urlsAreShownWithoutTheirPathOrQuery() {
        assertThat(Addresses.redactedUrl("https://hooks.slack.com/services/T0/B0/XYZ")).isEqualTo("https://hooks.slack.com/…");
        assertThat(Addresses.redactedUrl("http://127.0.0.1:9000/hook?token=abc")).isEqualTo("http://127.0.0.1:9000/…");
        assertThat(Addresses.redactedUrl("https://example.com")).isEqualTo("https://example.com");
    }
}
