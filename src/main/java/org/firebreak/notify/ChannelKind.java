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
    CONSOLE
}
