package org.firebreak.notify;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * A text message through an SMS gateway's HTTP API ({@link SmsSettings}): the configured request with {@code {{to}}},
 * {@code {{text}}} and {@code {{key}}} filled in, {@code {{text}}} being at most 160 GSM characters
 * ({@link SmsText}). A gateway answers once it has queued the message, and cannot be relied on to drop a repeat, so
 * an attempt of unknown outcome is not made again: a page that nobody acknowledges escalates instead.
 */
@Component
class SmsSender implements ChannelSender {

    private final HttpPost http;
    private final SmsSettings settings;
    private final JsonMapper json;

    SmsSender(HttpPost http, SmsSettings settings, JsonMapper json) {
        this.http = http;
        this.settings = settings;
        this.json = json;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.SMS;
    }

    @Override
    public Sent send(Outgoing out) {
        String missing = settings.missing();
        if (missing != null) {
            return new Sent.Failed(missing);
        }
        Map<String, String> headers = new LinkedHashMap<>(settings.headers());
        if (settings.username() != null && settings.password() != null) {
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8)));
        }
        Request request = request(out);
        return http.send(settings.method(), request.url(), request.body(), settings.contentType(), headers);
    }

    /** The gateway request of one attempt: the URL and the body (none for a GET), placeholders filled in. */
    Request request(Outgoing out) {
        String text = SmsText.of(MessageFacts.of(out, json));
        String to = out.to().address().strip();
        String url = fill(Objects.requireNonNull(settings.url()), to, text, out.key(), SmsSender::urlEncoded);
        if (settings.method().equals("GET")) {
            return new Request(url, null);
        }
        UnaryOperator<String> escape = settings.json() ? SmsSender::jsonEscaped
                : settings.form() ? SmsSender::urlEncoded : UnaryOperator.identity();
        return new Request(url, fill(settings.body(), to, text, out.key(), escape).getBytes(StandardCharsets.UTF_8));
    }

    private static String fill(String template, String to, String text, String key, UnaryOperator<String> escape) {
        return template.replace("{{to}}", escape.apply(to)).replace("{{text}}", escape.apply(text))
                .replace("{{key}}", escape.apply(key));
    }

    private static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String jsonEscaped(String value) {
        return new String(JsonStringEncoder.getInstance().quoteAsCharArray(value));
    }

    /** {@code body} is null for a GET. */
    record Request(String url, byte @Nullable [] body) {
    }
}
