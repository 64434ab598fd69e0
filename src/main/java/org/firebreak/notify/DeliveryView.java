package org.firebreak.notify;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One message to one destination, as the API lists it. The address is shown as it is safe to show: a named
 * channel by its name, a URL without its path and query (Slack and many webhooks carry their token there).
 *
 * @param key the delivery's stable key, sent as {@code Idempotency-Key} on every attempt
 * @param lastOutcome what the last attempt ended with, e.g. {@code HTTP 500}
 */
public record DeliveryView(String notificationKey, String key, MessageKind kind, ChannelKind channel, String address,
        @Nullable String person, DeliveryStatus status, int attempts, @Nullable String lastOutcome, String subject,
        Instant requestedAt, @Nullable Instant deliveredAt) {
}
