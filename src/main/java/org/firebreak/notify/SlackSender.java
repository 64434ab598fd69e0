package org.firebreak.notify;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** A Slack-compatible incoming webhook: {@code {"text": ...}}, retried like the generic webhook. */
@Component
class SlackSender implements ChannelSender {

    private final HttpPost http;
    private final JsonMapper json;

    SlackSender(HttpPost http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.SLACK;
    }

    @Override
    public Sent send(Outgoing out) {
        String text = "*" + out.message().subject() + "*" + (out.to().person() == null ? "" : " (for " + out.to().person() + ")")
                + "\n" + out.message().body();
        byte[] body = json.writeValueAsString(Map.of("text", text)).getBytes(StandardCharsets.UTF_8);
        return http.post(out.to().address(), body, Map.of("Idempotency-Key", out.key()));
    }
}
