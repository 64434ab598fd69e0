package org.firebreak.notify;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.json.JsonMapper;

/**
 * A Matrix message through the client-server API: {@code PUT {homeserver}/_matrix/client/v3/rooms/{roomId}/send/
 * m.room.message/{txnId}} with the account's access token as {@code Authorization: Bearer}; an {@code m.text} with
 * the message as {@code body} and as HTML in {@code formatted_body}, the acknowledge link a link of its own at the
 * top. The transaction id is the delivery's key, the same on every attempt, and a homeserver answers a send it has
 * already seen under that id with the first event instead of posting again: so an attempt of unknown outcome is
 * made again here, as the signed webhook's is ({@link ChannelKind#dropsRepeats()}).
 */
@Component
class MatrixSender implements ChannelSender {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

    private final HttpPost http;
    private final MatrixSettings settings;
    private final JsonMapper json;

    MatrixSender(HttpPost http, MatrixSettings settings, JsonMapper json) {
        this.http = http;
        this.settings = settings;
        this.json = json;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.MATRIX;
    }

    @Override
    public Sent send(Outgoing out) {
        String missing = settings.missing();
        if (missing != null) {
            return new Sent.Failed(missing);
        }
        return http.send("PUT", url(out), body(out), "application/json",
                Map.of("Authorization", "Bearer " + settings.accessToken()));
    }

    String url(Outgoing out) {
        return settings.homeserver() + "/_matrix/client/v3/rooms/" + encoded(out.to().address().strip())
                + "/send/m.room.message/" + encoded(out.key());
    }

    byte[] body(Outgoing out) {
        MessageFacts facts = MessageFacts.of(out, json);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msgtype", "m.text");
        body.put("body", facts.subjectAndText());
        body.put("format", "org.matrix.custom.html");
        body.put("formatted_body", html(facts));
        return json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }

    private static String html(MessageFacts facts) {
        StringBuilder html = new StringBuilder("<p><strong>").append(HtmlUtils.htmlEscape(facts.subject()))
                .append("</strong></p>");
        if (facts.ackUrl() != null) {
            html.append("<p><a href=\"").append(HtmlUtils.htmlEscape(facts.ackUrl()))
                    .append("\">Acknowledge</a> (works once)</p>");
        }
        String text = HtmlUtils.htmlEscape(facts.text());
        Matcher links = URL.matcher(text);
        StringBuilder linked = new StringBuilder();
        while (links.find()) {
            links.appendReplacement(linked, Matcher.quoteReplacement("<a href=\"" + links.group() + "\">"
                    + links.group() + "</a>"));
        }
        links.appendTail(linked);
        return html.append("<p>").append(linked.toString().replace("\n", "<br>")).append("</p>").toString();
    }

    /** A path segment: the room id's {@code !} and {@code :}, the key's {@code :} and {@code /} percent-encoded. */
    static String encoded(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
