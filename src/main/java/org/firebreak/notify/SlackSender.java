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
        String text = "*" + escaped(out.message().subject()) + "*"
                + (out.to().person() == null ? "" : " (for " + escaped(out.to().person()) + ")")
                + "\n" + escaped(out.message().body());
        byte[] body = json.writeValueAsString(Map.of("text", text)).getBytes(StandardCharsets.UTF_8);
        return http.post(out.to().address(), body, Map.of("Idempotency-Key", out.key()));
    }

    /**
     * Text as Slack shows it, not as markup: Slack reads {@code <...>} as a link or a mention ({@code <!channel>}
     * would notify everyone, {@code <https://x|Acknowledge>} would disguise a link), so its three control
     * characters are escaped, as its documentation asks; bare URLs such as acknowledge links still link.
     */
    static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
