package org.firebreak.notify;

import org.jspecify.annotations.Nullable;

/**
 * Where one message goes: a channel and its address (a URL for webhooks, an email address, a name for the
 * console, an ntfy topic, a Telegram chat id, a Matrix room id, a phone number), and the person it reaches, if it is a person's contact method rather than a team channel.
 */
public record Destination(ChannelKind channel, String address, @Nullable String person) {

    public Destination {
        if (channel == null || address == null || address.isBlank()) {
            throw new IllegalArgumentException("a destination needs a channel and an address");
        }
    }

    /**
     * The address as anyone who may read the timeline, the API or the log may see it: a webhook or Slack URL carries
     * its secret in the path or query, so it shows as scheme, host and port only ({@code https://hooks.slack.com/…});
     * an ntfy topic (the password of a server without access control) as its first two characters ({@code da…}),
     * a phone number as country code and last two digits ({@code +49…78}); an email address, a console name, a
     * Telegram chat id or a Matrix room id (which reach no one without Firebreak's own token) as it is.
     */
    public String shown() {
        return switch (channel) {
            case WEBHOOK, SLACK -> Addresses.redactedUrl(address);
            case NTFY -> Addresses.redactedTopic(address);
            case SMS -> Addresses.redactedPhone(address);
            case EMAIL, CONSOLE, TELEGRAM, MATRIX -> address;
        };
    }
}
