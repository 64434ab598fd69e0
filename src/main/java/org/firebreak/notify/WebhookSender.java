package org.firebreak.notify;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The generic webhook: the notification as JSON, signed with HMAC-SHA256 under the webhook's secret
 * ({@link WebhookSignature}), with the delivery's stable key as {@code Idempotency-Key} on every attempt so the
 * receiver can drop repeats. The secret is the named channel's, else one another module handed out for that URL
 * ({@link WebhookSecrets}), else {@code firebreak.notify.default-webhook-secret}. The body is the same bytes on every attempt.
 */
@Component
class WebhookSender implements ChannelSender {

    private final HttpPost http;
    private final NotifySettings settings;
    private final JsonMapper json;
    private final ObjectProvider<WebhookSecrets> secrets;

    WebhookSender(HttpPost http, NotifySettings settings, JsonMapper json, ObjectProvider<WebhookSecrets> secrets) {
        this.http = http;
        this.settings = settings;
        this.json = json;
        this.secrets = secrets;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WEBHOOK;
    }

    @Override
    public Sent send(Outgoing out) {
        String url = out.to().address();
        Optional<String> secret = settings.channelSecret(url)
                .or(() -> secrets.orderedStream().flatMap(s -> s.secretFor(url).stream()).findFirst())
                .or(settings::defaultSecret);
        if (secret.isEmpty()) {
            return new Sent.Failed("no signing secret for this webhook: name it in firebreak.notify.channels "
                    + "with a secret, or set firebreak.notify.default-webhook-secret");
        }
        byte[] body = body(out);
        return http.post(out.to().address(), body, Map.of("Idempotency-Key", out.key(),
                WebhookSignature.HEADER, WebhookSignature.of(secret.get(), body),
                "X-Firebreak-Attempt", String.valueOf(out.attempt())));
    }

    byte[] body(Outgoing out) {
        ObjectNode body = json.createObjectNode();
        body.put("deliveryKey", out.key());
        if (out.to().person() != null) {
            body.put("person", out.to().person());
        }
        body.put("subject", out.message().subject());
        body.put("text", out.message().body());
        body.setAll((ObjectNode) json.readTree(out.message().payload()));
        return json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }
}
