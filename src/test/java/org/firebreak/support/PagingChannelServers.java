package org.firebreak.support;

import java.io.IOException;
import java.net.ServerSocket;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One stand-in server per vendor-free paging channel, each a {@link WebhookReceiver} on 127.0.0.1 of its own (so one
 * can hang, fail or be gone while the others answer): an ntfy server, Telegram's Bot API, a Matrix homeserver and an
 * SMS gateway. {@link #register} points {@code firebreak.notify.*} at them, with a token or password for each.
 */
public final class PagingChannelServers implements AutoCloseable {

    public static final String NTFY_TOKEN = "tk_test0ntfy0token";
    public static final String BOT_TOKEN = "7000001:AAF-test_bot_token";
    public static final String MATRIX_TOKEN = "syt_test_matrix_token";
    public static final String SMS_PASSWORD = "sms-gateway-password";
    /** The SMS gateway's path, as an Android SMS gateway app's. */
    public static final String SMS_PATH = "/message";

    /** An on-call file's person reached on all four channels (an entry of {@code people:}). */
    public static final String DANA = """
              - id: dana
                name: Dana (on-call engineer)
                contacts:
                  - { channel: NTFY, address: dana-pager-7f3k }
                  - { channel: TELEGRAM, address: "123456789" }
                  - { channel: MATRIX, address: "!OpsRoom:matrix.example.org" }
                  - { channel: SMS, address: "+4915112345678" }
            """;

    public final WebhookReceiver ntfy = new WebhookReceiver();
    public final WebhookReceiver telegram = new WebhookReceiver();
    public final WebhookReceiver matrix = new WebhookReceiver();
    public final WebhookReceiver sms = new WebhookReceiver();

    public void register(DynamicPropertyRegistry registry) {
        registry.add("firebreak.notify.ntfy.url", () -> ntfy.url(""));
        registry.add("firebreak.notify.ntfy.token", () -> NTFY_TOKEN);
        registry.add("firebreak.notify.telegram.api-url", () -> telegram.url(""));
        registry.add("firebreak.notify.telegram.bot-token", () -> BOT_TOKEN);
        registry.add("firebreak.notify.matrix.homeserver", () -> matrix.url(""));
        registry.add("firebreak.notify.matrix.access-token", () -> MATRIX_TOKEN);
        registry.add("firebreak.notify.sms.url", () -> sms.url(SMS_PATH));
        registry.add("firebreak.notify.sms.username", () -> "firebreak");
        registry.add("firebreak.notify.sms.password", () -> SMS_PASSWORD);
    }

    /** The path Telegram's sendMessage is posted to. */
    public static String telegramPath() {
        return "/bot" + BOT_TOKEN + "/sendMessage";
    }

    /** A port nothing listens on: a server that is down refuses the connection. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        ntfy.close();
        telegram.close();
        matrix.close();
        sms.close();
    }
}
