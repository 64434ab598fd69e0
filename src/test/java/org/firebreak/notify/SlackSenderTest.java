package org.firebreak.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.firebreak.support.WebhookReceiver;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** What a Slack-compatible webhook receives: the message as text, never as Slack markup. */
class SlackSenderTest {

    @Test
    void titlesAndBodiesCannotMentionTheChannelOrDisguiseALink() throws Exception {
        try (WebhookReceiver slack = new WebhookReceiver()) {
            NotifySettings settings = new NotifySettings(null, "team", new NotifySettings.Retry(1, Duration.ofSeconds(1),
                    Duration.ofSeconds(1)), Duration.ofSeconds(5), "firebreak@localhost", null, null);
            SlackSender sender = new SlackSender(new HttpPost(settings), JsonMapper.builder().build());
            Message message = new Message("INC-7 <!channel> Bundler down",
                    "Acknowledge: <https://evil.example/steal|Acknowledge> & http://127.0.0.1:8080/ack/abc", "{}");

            Sent sent = sender.send(new ChannelSender.Outgoing("k-1", 1,
                    new Destination(ChannelKind.SLACK, slack.url("/hook"), "bob<@U123>"), MessageKind.PAGE, message));

            assertThat(sent).isInstanceOf(Sent.Delivered.class);
            String text = JsonMapper.builder().build()
                    .readTree(new String(slack.received("/hook").getFirst().body(), StandardCharsets.UTF_8))
                    .get("text").asString();
            assertThat(text).isEqualTo("*INC-7 &lt;!channel&gt; Bundler down* (for bob&lt;@U123&gt;)\n"
                    + "Acknowledge: &lt;https://evil.example/steal|Acknowledge&gt; &amp; http://127.0.0.1:8080/ack/abc");
            assertThat(text).doesNotContain("<");
        }
    }
}
