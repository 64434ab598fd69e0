package org.firebreak.notify;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * A Telegram bot's message: {@code POST {api-url}/bot<token>/sendMessage} with {@code chat_id}, the message as plain
 * text (no parse mode: nothing in a title can turn into markup) and an inline keyboard whose URL buttons open the
 * page's acknowledge link (its confirmation page, one tap from acknowledging) and the incident. Telegram refuses a
 * button whose URL points at localhost or an IP address, and would then refuse the whole message; such links (the
 * devnet's, while {@code firebreak.public-url} is not set) stay in the text, where they are links all the same.
 * Telegram cannot drop a repeat, so an attempt of unknown outcome is not made again.
 */
@Component
class TelegramSender implements ChannelSender {

    static final int MAX_TEXT = 4096;

    private final HttpPost http;
    private final TelegramSettings settings;
    private final JsonMapper json;

    TelegramSender(HttpPost http, TelegramSettings settings, JsonMapper json) {
        this.http = http;
        this.settings = settings;
        this.json = json;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.TELEGRAM;
    }

    @Override
    public Sent send(Outgoing out) {
        String missing = settings.missing();
        if (missing != null) {
            return new Sent.Failed(missing);
        }
        return http.post(settings.apiUrl() + "/bot" + settings.botToken() + "/sendMessage", body(out), Map.of());
    }

    byte[] body(Outgoing out) {
        MessageFacts facts = MessageFacts.of(out, json);
        String chat = out.to().address().strip();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", chat.matches("-?[0-9]{1,18}") ? (Object) Long.parseLong(chat) : chat);
        body.put("text", MessageFacts.cut(facts.subjectAndText(), MAX_TEXT));
        body.put("link_preview_options", Map.of("is_disabled", true));
        List<Map<String, Object>> row = new ArrayList<>();
        if (buttonable(facts.ackUrl())) {
            row.add(MessageFacts.object("text", "Acknowledge", "url", facts.ackUrl()));
        }
        if (buttonable(facts.incidentUrl())) {
            row.add(MessageFacts.object("text", "Open incident", "url", facts.incidentUrl()));
        }
        if (!row.isEmpty()) {
            body.put("reply_markup", Map.of("inline_keyboard", List.of(row)));
        }
        return json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }

    /** A URL Telegram takes for a button: http(s) on a host name that is not localhost nor an IP address. */
    static boolean buttonable(@Nullable String url) {
        if (url == null || !NotifySettings.isHttpUrl(url)) {
            return false;
        }
        String host = URI.create(url.strip()).getHost();
        return !host.equals("localhost") && !host.endsWith(".localhost") && !host.startsWith("[")
                && !host.matches("[0-9.]+") && host.contains(".");
    }
}
