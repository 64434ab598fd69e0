package org.firebreak.notify;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * A push notification through ntfy, published as JSON to the server's root ({@code POST /} with {@code topic},
 * {@code title}, {@code message}, {@code priority}, {@code tags}, {@code click}, {@code actions}). A page of a
 * Critical incident has priority 5 (ntfy's "max": a long vibration burst and a pop-over), a High one 4, others 3,
 * "paging stopped" 2. A page carries an "Acknowledge" button: ntfy's {@code http} action, which the phone's ntfy app
 * itself POSTs to the page's signed acknowledge link; tapping the notification opens the link's confirmation page.
 * ntfy cannot drop a repeat, so an attempt of unknown outcome is not made again.
 */
@Component
class NtfySender implements ChannelSender {

    /** ntfy turns a longer message into an attachment. */
    static final int MAX_MESSAGE = 3800;

    private final HttpPost http;
    private final NtfySettings settings;
    private final JsonMapper json;

    NtfySender(HttpPost http, NtfySettings settings, JsonMapper json) {
        this.http = http;
        this.settings = settings;
        this.json = json;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.NTFY;
    }

    @Override
    public Sent send(Outgoing out) {
        Target target = target(out.to().address());
        if (target == null) {
            return new Sent.Failed(Objects.requireNonNull(settings.missing(out.to().address())));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (settings.token() != null && settings.server().map(s -> sameOrigin(s, target.server())).orElse(false)) {
            headers.put("Authorization", "Bearer " + settings.token());
        }
        return http.post(target.server() + "/", body(out, target.topic()), headers);
    }

    byte[] body(Outgoing out, String topic) {
        MessageFacts facts = MessageFacts.of(out, json);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("topic", topic);
        body.put("title", facts.subject());
        body.put("message", MessageFacts.cut(facts.text(), MAX_MESSAGE));
        body.put("priority", priority(facts));
        body.put("tags", tags(facts));
        String click = facts.ackUrl() != null ? facts.ackUrl() : facts.incidentUrl();
        if (click != null) {
            body.put("click", click);
        }
        List<Map<String, Object>> actions = new ArrayList<>();
        if (facts.ackUrl() != null) {
            Map<String, Object> ack = new LinkedHashMap<>();
            ack.put("action", "http");
            ack.put("label", "Acknowledge");
            ack.put("url", facts.ackUrl());
            ack.put("method", "POST");
            ack.put("clear", true);
            actions.add(ack);
        }
        if (facts.incidentUrl() != null) {
            actions.add(MessageFacts.object("action", "view", "label", "Open incident", "url", facts.incidentUrl()));
        }
        if (!actions.isEmpty()) {
            body.put("actions", actions);
        }
        return json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }

    static int priority(MessageFacts facts) {
        return switch (facts.kind()) {
            case PAGE -> "CRITICAL".equals(facts.severity()) ? 5 : "HIGH".equals(facts.severity()) ? 4 : 3;
            case PAGING_STOPPED -> 2;
            default -> 3;
        };
    }

    private static List<String> tags(MessageFacts facts) {
        List<String> tags = new ArrayList<>();
        tags.add(switch (facts.kind()) {
            case PAGE -> "rotating_light";
            case PAGING_STOPPED -> "white_check_mark";
            default -> "information_source";
        });
        if (facts.severity() != null) {
            tags.add(facts.severity().toLowerCase(Locale.ROOT));
        }
        return tags;
    }

    /** Where to publish: the configured server and the topic, or the server and topic of a topic's URL. */
    @Nullable Target target(String address) {
        String a = address.strip();
        if (Addresses.ntfyTopicUrl(a)) {
            return new Target(a.substring(0, a.lastIndexOf('/')), a.substring(a.lastIndexOf('/') + 1));
        }
        return settings.server().map(server -> new Target(server, a)).orElse(null);
    }

    private static boolean sameOrigin(String a, String b) {
        URI x = URI.create(a);
        URI y = URI.create(b);
        return Objects.equals(x.getScheme(), y.getScheme()) && Objects.equals(x.getHost(), y.getHost())
                && port(x) == port(y);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    /** An ntfy server's base URL (no trailing slash) and a topic on it. */
    record Target(String server, String topic) {
    }
}
