package org.firebreak.notify;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** How a message travels. Stored by name. */
public enum ChannelKind {
    /** A generic JSON webhook, signed with HMAC-SHA256, retried with backoff under one idempotency key. */
    WEBHOOK,
    /** A Slack-compatible incoming webhook ({"text": ...}). */
    SLACK,
    /** Email over SMTP. */
    EMAIL,
    /** The server's log: the devnet's channel, and the last resort. */
    CONSOLE,
    /** A push notification through an ntfy server (self-hosted or not): the address is a topic, or a topic's URL. */
    NTFY,
    /** A Telegram bot's message to a chat: the address is the chat id. */
    TELEGRAM,
    /** A Matrix message sent by Firebreak's account to a room: the address is the room id. */
    MATRIX,
    /** A text message through an SMS gateway's HTTP API: the address is a phone number in international form. */
    SMS;

    /**
     * Whether the receiver drops a repeated attempt by its key, so an attempt whose outcome is unknown may safely be
     * made again: the generic webhook by its {@code Idempotency-Key}, Matrix by the transaction id of the send (the
     * delivery's key), which a homeserver answers a second time with the first event. Slack, an SMTP server, the log,
     * ntfy, Telegram and SMS gateways show a repeat twice, so there an attempt of unknown outcome is not repeated
     * (docs/notifications-delivery.md).
     */
    public boolean dropsRepeats() {
        return this == WEBHOOK || this == MATRIX;
    }

    /**
     * What is wrong with {@code address} as an address of this kind (an ntfy topic, a Telegram chat id, a Matrix room
     * id, a phone number, a URL...), said so that an operator can fix it; empty when it is fine.
     */
    public Optional<String> addressProblem(@Nullable String address) {
        return Addresses.problem(this, address);
    }
}
