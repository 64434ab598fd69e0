package org.firebreak.notify;

/** How a message travels. Stored by name. */
public enum ChannelKind {
    /** A generic JSON webhook, signed with HMAC-SHA256, retried with backoff under one idempotency key. */
    WEBHOOK,
    /** A Slack-compatible incoming webhook ({"text": ...}). */
    SLACK,
    /** Email over SMTP. */
    EMAIL,
    /** The server's log: the devnet's channel, and the last resort. */
    CONSOLE;

    /**
     * Whether the receiver drops a repeated attempt by its {@code Idempotency-Key}, so an attempt whose outcome is
     * unknown may safely be made again. Only the generic webhook promises that; Slack, an SMTP server and a log show
     * a repeat twice, so there an attempt of unknown outcome is not repeated (docs/notifications-delivery.md).
     */
    public boolean dropsRepeats() {
        return this == WEBHOOK;
    }
}
