package org.firebreak.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.firebreak.support.WebhookReceiver;
import org.firebreak.support.WebhookReceiver.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What ntfy, Telegram, Matrix and an SMS gateway receive for one page, each from a server of its own on 127.0.0.1:
 * the request line, the headers that carry a token, and the body, byte for byte where the protocol fixes it.
 */
class PagingChannelRequestsTest {

    static final String ACK = "https://firebreak.example.org/ack/v1.SU5DLTd8MXxkYW5hfDE3OTU1NzU2MDA.c2lnbmF0dXJl";
    static final String INCIDENT_URL = "https://firebreak.example.org/incidents/INC-7";
    static final String TITLE = "Bundler rejects every UserOperation: AA21 didn't pay prefund <script>";

    private final JsonMapper json = JsonMapper.builder().build();
    private final WebhookReceiver server = new WebhookReceiver();
    private final HttpPost http = new HttpPost(new NotifySettings(null, "team", new NotifySettings.Retry(1,
            Duration.ofSeconds(1), Duration.ofSeconds(1)), Duration.ofSeconds(5), "firebreak@localhost", null, null));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void ntfyGetsTheTopicWithPriorityFiveAnAcknowledgeButtonThatPostsTheLinkAndTheTokenForItsOwnServerOnly()
            throws Exception {
        NtfySender ntfy = new NtfySender(http, new NtfySettings(server.url("/"), "tk_ownserver"), json);

        assertThat(ntfy.send(page(ChannelKind.NTFY, "dana-pager-7f3k", "CRITICAL", ACK))).isInstanceOf(Sent.Delivered.class);

        Received request = server.all().getFirst();
        assertThat(request.method() + " " + request.rawPath()).isEqualTo("POST /");
        assertThat(request.header("Authorization")).isEqualTo("Bearer tk_ownserver");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = json.readTree(request.text());
        assertThat(body.get("topic").asString()).isEqualTo("dana-pager-7f3k");
        assertThat(body.get("title").asString()).isEqualTo("[CRITICAL] Page for INC-7: " + TITLE);
        assertThat(body.get("message").asString()).startsWith("You are paged for INC-7").contains(ACK);
        assertThat(body.get("priority").asInt()).isEqualTo(5);
        assertThat(body.get("tags").toString()).isEqualTo("[\"rotating_light\",\"critical\"]");
        assertThat(body.get("click").asString()).isEqualTo(ACK);
        assertThat(body.get("actions").toString()).isEqualTo("[{\"action\":\"http\",\"label\":\"Acknowledge\",\"url\":\""
                + ACK + "\",\"method\":\"POST\",\"clear\":true},{\"action\":\"view\",\"label\":\"Open incident\","
                + "\"url\":\"" + INCIDENT_URL + "\"}]");

        try (WebhookReceiver other = new WebhookReceiver()) {
            assertThat(ntfy.send(page(ChannelKind.NTFY, other.url("/carol-topic"), "HIGH", ACK)))
                    .isInstanceOf(Sent.Delivered.class);
            Received elsewhere = other.all().getFirst();
            assertThat(elsewhere.rawPath()).isEqualTo("/");
            assertThat(json.readTree(elsewhere.text()).get("topic").asString()).isEqualTo("carol-topic");
            assertThat(json.readTree(elsewhere.text()).get("priority").asInt()).as("High").isEqualTo(4);
            assertThat(elsewhere.header("Authorization")).as("the token is for the configured server").isNull();
        }
        assertThat(new NtfySender(http, new NtfySettings(null, null), json)
                .send(page(ChannelKind.NTFY, "dana-pager-7f3k", "CRITICAL", ACK)).detail())
                .startsWith("no ntfy server configured");
    }

    @Test
    void telegramGetsSendMessageUnderTheBotTokenWithTheAcknowledgeLinkAsAnInlineUrlButton() throws Exception {
        TelegramSender telegram = new TelegramSender(http,
                new TelegramSettings(server.url(""), "123456:AAE-test_token"), json);

        assertThat(telegram.send(page(ChannelKind.TELEGRAM, "-1001234567890", "CRITICAL", ACK)))
                .isInstanceOf(Sent.Delivered.class);

        Received request = server.all().getFirst();
        assertThat(request.method() + " " + request.rawPath()).isEqualTo("POST /bot123456:AAE-test_token/sendMessage");
        JsonNode body = json.readTree(request.text());
        assertThat(body.get("chat_id").isNumber()).isTrue();
        assertThat(body.get("chat_id").asLong()).isEqualTo(-1001234567890L);
        assertThat(body.get("text").asString()).startsWith("[CRITICAL] Page for INC-7: " + TITLE + "\n\nYou are paged")
                .contains("Acknowledge (works once): " + ACK);
        assertThat(body.has("parse_mode")).as("plain text: a title cannot become markup").isFalse();
        assertThat(body.get("reply_markup").toString()).isEqualTo("{\"inline_keyboard\":[[{\"text\":\"Acknowledge\","
                + "\"url\":\"" + ACK + "\"},{\"text\":\"Open incident\",\"url\":\"" + INCIDENT_URL + "\"}]]}");

        telegram.send(page(ChannelKind.TELEGRAM, "@firebreak_ops", "CRITICAL", "http://127.0.0.1:8080/ack/v1.x.y"));
        JsonNode local = json.readTree(server.all().get(1).text());
        assertThat(local.get("chat_id").asString()).isEqualTo("@firebreak_ops");
        assertThat(local.get("reply_markup").toString()).as("Telegram refuses buttons to 127.0.0.1: the link stays in the text")
                .doesNotContain("127.0.0.1").contains(INCIDENT_URL);
        assertThat(local.get("text").asString()).contains("http://127.0.0.1:8080/ack/v1.x.y");
    }

    @Test
    void anExceptionNamingTheTelegramUrlLosesItsTokenOnTheTimeline() {
        String url = "https://api.example.org/bot123456:AAE-test_token/sendMessage";
        assertThat(HttpPost.describe(new java.io.IOException("GOAWAY received for " + url), url))
                .isEqualTo("IOException: GOAWAY received for (the URL)");
        assertThat(HttpPost.describe(new java.io.IOException("bad path /bot123456:AAE-test_token/sendMessage"), url))
                .isEqualTo("IOException: bad path /(path)").doesNotContain("AAE-test_token");
    }

    @Test
    void matrixPutsUnderTheDeliveryKeyAsTransactionIdSoASecondAttemptIsTheSameSend() throws Exception {
        MatrixSender matrix = new MatrixSender(http, new MatrixSettings(server.url(""), "syt_matrix_token"), json);
        ChannelSender.Outgoing first = page(ChannelKind.MATRIX, "!OpsRoom:matrix.example.org", "CRITICAL", ACK);
        ChannelSender.Outgoing second = new ChannelSender.Outgoing(first.key(), 2, first.to(), first.kind(), first.message());

        assertThat(matrix.send(first)).isInstanceOf(Sent.Delivered.class);
        assertThat(matrix.send(second)).isInstanceOf(Sent.Delivered.class);

        List<Received> requests = server.all();
        assertThat(requests.getFirst().method() + " " + requests.getFirst().rawPath()).isEqualTo("PUT /_matrix/client/v3/"
                + "rooms/%21OpsRoom%3Amatrix.example.org/send/m.room.message/INC-7%3Apage%3AL1%3Adana%2F1");
        assertThat(requests.get(1).rawPath()).isEqualTo(requests.getFirst().rawPath());
        assertThat(requests.get(1).text()).isEqualTo(requests.getFirst().text());
        assertThat(requests.getFirst().header("Authorization")).isEqualTo("Bearer syt_matrix_token");
        JsonNode body = json.readTree(requests.getFirst().text());
        assertThat(body.get("msgtype").asString()).isEqualTo("m.text");
        assertThat(body.get("body").asString()).startsWith("[CRITICAL] Page for INC-7: " + TITLE).contains(ACK);
        assertThat(body.get("format").asString()).isEqualTo("org.matrix.custom.html");
        assertThat(body.get("formatted_body").asString())
                .startsWith("<p><strong>[CRITICAL] Page for INC-7: Bundler rejects every UserOperation: AA21 didn&#39;t "
                        + "pay prefund &lt;script&gt;</strong></p><p><a href=\"" + ACK + "\">Acknowledge</a> (works once)</p>")
                .contains("<a href=\"" + INCIDENT_URL + "\">" + INCIDENT_URL + "</a>").doesNotContain("<script>");
        assertThat(ChannelKind.MATRIX.dropsRepeats()).isTrue();
    }

    @Test
    void anSmsGatewayGetsOneGsmMessageOfAtMost160CharactersWithTheWholeAcknowledgeLink() throws Exception {
        SmsSender sms = new SmsSender(http, new SmsSettings(server.url("/message"), "POST", "application/json", null,
                Map.of("X-Api-Key", "gateway-key"), "firebreak", "gateway-password"), json);

        assertThat(sms.send(page(ChannelKind.SMS, "+4915112345678", "CRITICAL", ACK))).isInstanceOf(Sent.Delivered.class);

        Received request = server.all().getFirst();
        assertThat(request.method() + " " + request.rawPath()).isEqualTo("POST /message");
        assertThat(request.header("X-Api-Key")).isEqualTo("gateway-key");
        assertThat(request.header("Authorization")).isEqualTo("Basic "
                + java.util.Base64.getEncoder().encodeToString("firebreak:gateway-password".getBytes()));
        JsonNode body = json.readTree(request.text());
        assertThat(body.get("to").asString()).isEqualTo("+4915112345678");
        String text = body.get("text").asString();
        assertThat(text).startsWith("INC-7 CRITICAL: Bundler rejects").endsWith("... Ack: " + ACK);
        assertThat(SmsText.septets(text)).isLessThanOrEqualTo(160);
        assertThat(text).isEqualTo(SmsText.gsm(text)).as("only the GSM alphabet");
    }

    @Test
    void smsTextsKeepToTheGsmAlphabetAndATitleGivesWayToTheLink() {
        assertThat(SmsText.gsm("Łódź 🚨 “quoted” {x}")).isEqualTo("Lodz ? \"quoted\" {x}");
        assertThat(SmsText.septets("{x}")).as("the extension table counts twice").isEqualTo(5);
        MessageFacts shortTitle = new MessageFacts(MessageKind.PAGE, "s", "t", "INC-7", "HIGH", "RPC down", null, ACK);
        assertThat(SmsText.of(shortTitle)).isEqualTo("INC-7 HIGH: RPC down Ack: " + ACK);
        MessageFacts stopped = new MessageFacts(MessageKind.PAGING_STOPPED, "[CRITICAL] INC-7: paging stopped", "t",
                "INC-7", "CRITICAL", "x", null, null);
        assertThat(SmsText.of(stopped)).isEqualTo("[CRITICAL] INC-7: paging stopped");
        String longLink = "https://firebreak.example.org/" + "a".repeat(150);
        assertThat(SmsText.of(new MessageFacts(MessageKind.PAGE, "s", "t", "INC-7", "HIGH", "RPC down", null, longLink)))
                .as("a link too long for one SMS is sent whole").isEqualTo("INC-7 HIGH: Ack: " + longLink);
    }

    @Test
    void anSmsGatewayTakingAFormOrAGetHasThePlaceholdersEncodedForIt() throws Exception {
        SmsSender form = new SmsSender(http, new SmsSettings(server.url("/send"), "POST",
                "application/x-www-form-urlencoded", "phone={{to}}&message={{text}}&id={{key}}", null, null, null), json);
        form.send(page(ChannelKind.SMS, "+4915112345678", "HIGH", ACK));
        assertThat(server.all().getFirst().text()).startsWith("phone=%2B4915112345678&message=INC-7+HIGH%3A+Bundler")
                .endsWith("&id=INC-7%3Apage%3AL1%3Adana%2F1");

        SmsSender get = new SmsSender(http, new SmsSettings(server.url("/send?to={{to}}&text={{text}}"), "get",
                "application/json", null, null, null, null), json);
        get.send(page(ChannelKind.SMS, "+4915112345678", "HIGH", ACK));
        Received request = server.all().get(1);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.body()).isEmpty();
        assertThat(request.rawQuery()).startsWith("to=%2B4915112345678&text=INC-7+HIGH%3A+");
    }

    @Test
    void addressesAreCheckedPerKindAndTopicsAndPhoneNumbersAreMostlyHidden() {
        assertThat(ChannelKind.TELEGRAM.addressProblem(null)).get().asString().startsWith("is required: a Telegram chat id");
        assertThat(ChannelKind.TELEGRAM.addressProblem("dana")).get().asString().startsWith("'dana' is not a Telegram chat id");
        assertThat(ChannelKind.TELEGRAM.addressProblem("@firebreak_ops")).isEmpty();
        assertThat(ChannelKind.MATRIX.addressProblem("#ops:matrix.example.org")).get().asString()
                .contains("not an alias");
        assertThat(ChannelKind.MATRIX.addressProblem("!OpsRoom:matrix.example.org")).isEmpty();
        assertThat(ChannelKind.NTFY.addressProblem("dana pager")).isPresent();
        assertThat(ChannelKind.NTFY.addressProblem("https://ntfy.example.org/dana-pager")).isEmpty();
        assertThat(ChannelKind.NTFY.addressProblem("htp:/ntfy")).isPresent();
        assertThat(ChannelKind.SMS.addressProblem("0151 1234567")).get().asString().contains("international form");
        assertThat(ChannelKind.WEBHOOK.addressProblem("not a url")).get().asString().contains("must be an http(s) URL");

        assertThat(new Destination(ChannelKind.NTFY, "dana-pager-7f3k", null).shown()).isEqualTo("da…");
        assertThat(new Destination(ChannelKind.NTFY, "https://ntfy.example.org/dana-pager-7f3k", null).shown())
                .isEqualTo("https://ntfy.example.org/…");
        assertThat(new Destination(ChannelKind.SMS, "+4915112345678", null).shown()).isEqualTo("+49…78");
        assertThat(new Destination(ChannelKind.TELEGRAM, "123456789", null).shown()).isEqualTo("123456789");
        assertThat(List.of(ChannelKind.values())).filteredOn(ChannelKind::dropsRepeats)
                .containsExactly(ChannelKind.WEBHOOK, ChannelKind.MATRIX);
    }

    /** A page as Deliveries stores it: the rendered text, and the payload the channels read their facts from. */
    private ChannelSender.Outgoing page(ChannelKind kind, String address, String severity, String ackUrl) {
        String text = "You are paged for INC-7 at escalation level 1 (On-call engineer).\nWhy: initial page\n"
                + "Acknowledge (works once): " + ackUrl + "\n\nIncident:   INC-7 " + TITLE + "\nSeverity:   " + severity
                + "\nLink:       " + INCIDENT_URL + "\n";
        String payload = json.writeValueAsString(Map.of("notificationKey", "INC-7:page:L1:dana", "kind", "PAGE",
                "incident", Map.of("id", "INC-7", "title", TITLE, "severity", severity, "url", INCIDENT_URL),
                "values", Map.of("ackUrl", ackUrl, "level", "1")));
        return new ChannelSender.Outgoing("INC-7:page:L1:dana/1", 1, new Destination(kind, address, "dana"),
                MessageKind.PAGE, new Message("[" + severity + "] Page for INC-7: " + TITLE, text, payload));
    }
}
