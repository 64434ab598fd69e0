package org.firebreak.notify;

/** One way a message travels; one implementation per {@link ChannelKind}. */
interface ChannelSender {

    ChannelKind kind();

    /** Makes one attempt; never throws: every failure is a {@link Sent} the timeline can show. */
    Sent send(Outgoing message);

    /**
     * One attempt at one delivery.
     *
     * @param key the delivery's stable key (the webhook's {@code Idempotency-Key})
     * @param attempt 1 for the first attempt
     */
    record Outgoing(String key, int attempt, Destination to, MessageKind kind, Message message) {
    }
}
