package org.firebreak.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.firebreak.incident.OpenIncidentBuilder.anIncident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.incident.TimelineEntry;
import org.firebreak.incident.TimelineKind;
import org.firebreak.notify.MessageKind;
import org.firebreak.shared.Severity;
import org.firebreak.support.DueTasks;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.firebreak.support.MutableClock;
import org.firebreak.support.OwnSchema;
import org.firebreak.support.PagingChannelServers;
import org.firebreak.support.TestSmtp;
import org.firebreak.support.WebhookReceiver;
import org.firebreak.support.WebhookReceiver.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Paging over the vendor-free channels, from the on-call file to the phone: dana's contacts are an ntfy topic, a
 * Telegram chat, a Matrix room, a phone number behind an SMS gateway and an email address, each served by a fake
 * server on 127.0.0.1 (GreenMail for SMTP).
 * A Critical page reaches each once per round of the policy; the acknowledge button ntfy's app would POST stops the
 * repeats, and each channel is told paging stopped. The public URL is a host name, as in production, so Telegram
 * gets its buttons.
 */
@FirebreakIntegrationTest
@Import({ DueTasks.Configuration.class, RequestedNotifications.Configuration.class })
class PagingChannelsTests {

    static final String PUBLIC_URL = "https://firebreak.example.org";
    static final String ONCALL = "people:\n" + PagingChannelServers.DANA
            + "      - { channel: EMAIL, address: dana@example.org }\n" + """
            policies:
              - id: default
                name: Dana, twice
                ackTimeout: { CRITICAL: 5m, HIGH: 15m }
                repeat: 1
                levels:
                  - { name: On-call engineer, people: [dana] }
            """;
    static final PagingChannelServers servers = new PagingChannelServers();
    static final int smtpPort = TestSmtp.freePort();
    static final GreenMail smtp = TestSmtp.start(smtpPort);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        OwnSchema.register(registry);
        servers.register(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtpPort);
        Path file = Path.of("target/test-data/paging-channels-" + UUID.randomUUID() + "/oncall.yml");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, ONCALL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("firebreak.oncall.file", file::toString);
        registry.add("firebreak.oncall.paging", () -> "true");
        registry.add("firebreak.public-url", () -> PUBLIC_URL);
    }

    @Autowired
    IncidentApi incidents;
    @Autowired
    EscalationApi escalations;
    @Autowired
    MutableClock clock;
    @Autowired
    DueTasks dueTasks;
    @Autowired
    RequestedNotifications requested;
    @Autowired
    JsonMapper json;
    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        servers.close();
        smtp.stop();
    }

    @Test
    void aCriticalPageRepeatsOnEveryChannelEachRoundUntilNtfysAcknowledgeButtonIsPressed() throws MessagingException {
        IncidentId id = incidents.open(anIncident().withSeverity(Severity.CRITICAL).build(), "reporter").id();

        Round first = round(id, 1);
        assertThat(first.ack()).startsWith(PUBLIC_URL + "/ack/v1.");
        first.assertCarryTheSameAcknowledgeLink(json);
        JsonNode push = json.readTree(first.ntfy().text());
        assertThat(push.get("topic").asString()).isEqualTo("dana-pager-7f3k");
        assertThat(push.get("priority").asInt()).isEqualTo(5);
        assertThat(push.get("title").asString()).isEqualTo("[CRITICAL] Page for " + id + ": Delegation redemptions failing");
        assertThat(push.get("actions").get(0).get("action").asString()).isEqualTo("http");
        assertThat(push.get("actions").get(0).get("method").asString()).isEqualTo("POST");
        assertThat(json.readTree(first.telegram().text()).get("chat_id").asLong()).isEqualTo(123456789L);
        assertThat(first.matrix().rawPath()).isEqualTo("/_matrix/client/v3/rooms/%21OpsRoom%3Amatrix.example.org/send/"
                + "m.room.message/" + id + "%3Apage%3AL1%3Adana%2F3");
        assertThat(json.readTree(first.sms().text()).get("to").asString()).isEqualTo("+4915112345678");

        clock.advance(Duration.ofMinutes(5));
        dueTasks.run();
        Round second = round(id, 2);
        second.assertCarryTheSameAcknowledgeLink(json);
        assertThat(second.ack()).as("each round's page has a link of its own").isNotEqualTo(first.ack());
        assertThat(second.matrix().rawPath()).as("another delivery, another transaction id")
                .endsWith("/m.room.message/" + id + "%3Apage%3AL1%3Adana%3Ar2%2F3");

        // What the ntfy app does when dana presses "Acknowledge": POST the link, no body, no session.
        HttpApi.Response pressed = new HttpApi(port).anonymous().send("POST",
                second.ack().substring(PUBLIC_URL.length()), null);
        assertThat(pressed.status()).as(pressed.body()).isEqualTo(200);
        assertThat(incidents.get(id).status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        await().atMost(Duration.ofSeconds(20)).until(() -> escalations.escalation(id).state() == EscalationState.STOPPED);

        Round stopped = round(id, 3);
        JsonNode stop = json.readTree(stopped.ntfy().text());
        assertThat(stop.get("title").asString()).isEqualTo("[CRITICAL] " + id + ": paging stopped");
        assertThat(stop.get("priority").asInt()).isEqualTo(2);
        assertThat(stop.has("actions") && stop.get("actions").toString().contains("/ack/")).isFalse();
        assertThat(json.readTree(stopped.sms().text()).get("text").asString()).isEqualTo("[CRITICAL] " + id + ": paging stopped");
        assertThat(stopped.email().getSubject()).isEqualTo("[CRITICAL] " + id + ": paging stopped");

        clock.advance(Duration.ofHours(1));
        dueTasks.run();
        assertThat(requested.of(id, MessageKind.PAGE)).as("no third round").hasSize(2);
        assertThat(escalations.escalation(id).next()).isNull();
        for (WebhookReceiver server : List.of(servers.ntfy, servers.telegram, servers.matrix, servers.sms)) {
            assertThat(about(server, id)).as("two pages and the stop, nothing more").hasSize(3);
        }
        assertThat(mails(id)).as("two pages and the stop by email, nothing more").hasSize(3);
        assertThat(incidents.timeline(id)).filteredOn(e -> e.kind() == TimelineKind.ESCALATION).map(TimelineEntry::text)
                .first().asString().isNotEmpty();
        assertThat(incidents.timeline(id)).filteredOn(e -> e.kind() == TimelineKind.ESCALATION).map(TimelineEntry::text)
                .anyMatch(t -> t.startsWith("Paged level 1 (On-call engineer): dana (NTFY da…, TELEGRAM 123456789, "
                        + "MATRIX !OpsRoom:matrix.example.org, SMS +49…78, EMAIL dana@example.org) - initial page"));
    }

    @Test
    void viewersSeeTheNewContactsWithTopicAndPhoneNumberMaskedAndNoToken() {
        HttpApi.Response people = new HttpApi(port).get("/api/v1/oncall/people");
        assertThat(people.status()).isEqualTo(200);
        assertThat(people.json().get(0).get("contacts").toString()).isEqualTo("[{\"channel\":\"NTFY\",\"address\":\"da…\"},"
                + "{\"channel\":\"TELEGRAM\",\"address\":\"123456789\"},{\"channel\":\"MATRIX\",\"address\":"
                + "\"!OpsRoom:matrix.example.org\"},{\"channel\":\"SMS\",\"address\":\"+49…78\"},"
                + "{\"channel\":\"EMAIL\",\"address\":\"dana@example.org\"}]");
        assertThat(people.body()).doesNotContain("dana-pager").doesNotContain("4915112345678")
                .doesNotContain(PagingChannelServers.BOT_TOKEN).doesNotContain(PagingChannelServers.MATRIX_TOKEN);
    }

    /** The requests about this incident each server has had, waiting until there are {@code count}. */
    private Round round(IncidentId id, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> about(servers.ntfy, id).size() >= count
                && about(servers.telegram, id).size() >= count && about(servers.matrix, id).size() >= count
                && about(servers.sms, id).size() >= count && mails(id).size() >= count);
        List<MimeMessage> mails = mails(id);
        assertThat(mails).as("once per round by email").hasSize(count);
        return new Round(last(servers.ntfy, id, count), last(servers.telegram, id, count),
                last(servers.matrix, id, count), last(servers.sms, id, count), mails.getLast());
    }

    /** The mails about this incident GreenMail has taken, to dana. */
    private static List<MimeMessage> mails(IncidentId id) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().matches(".*\\b" + id + "\\b(?!\\d).*")
                        && m.getAllRecipients()[0].toString().equals("dana@example.org");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static Received last(WebhookReceiver server, IncidentId id, int count) {
        List<Received> about = about(server, id);
        assertThat(about).as("once per round on " + server.url("")).hasSize(count);
        return about.getLast();
    }

    private static List<Received> about(WebhookReceiver server, IncidentId id) {
        String incident = id.toString();
        return server.all().stream().filter(r -> r.text().matches("(?s).*\\b" + incident + "\\b(?!\\d).*")).toList();
    }

    /** One message per channel. */
    private record Round(Received ntfy, Received telegram, Received matrix, Received sms, MimeMessage email) {

        String ack() {
            return JsonMapper.builder().build().readTree(ntfy.text()).get("actions").get(0).get("url").asString();
        }

        void assertCarryTheSameAcknowledgeLink(JsonMapper json) {
            String ack = ack();
            assertThat(json.readTree(ntfy.text()).get("click").asString()).isEqualTo(ack);
            assertThat(json.readTree(telegram.text()).get("reply_markup").get("inline_keyboard").get(0).get(0).toString())
                    .isEqualTo("{\"text\":\"Acknowledge\",\"url\":\"" + ack + "\"}");
            assertThat(json.readTree(matrix.text()).get("formatted_body").asString())
                    .contains("<a href=\"" + ack + "\">Acknowledge</a>");
            assertThat(json.readTree(sms.text()).get("text").asString()).endsWith(" Ack: " + ack)
                    .hasSizeLessThanOrEqualTo(160);
            assertThat(GreenMailUtil.getBody(email)).contains(ack);
        }
    }
}
