package org.firebreak.notify;

import org.jspecify.annotations.Nullable;

/**
 * Where one message goes: a channel and its address (a URL for webhooks, an email address, a name for the
 * console), and the person it reaches, if it is a person's contact method rather than a team channel.
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
     * an email address or a console name as it is.
     */
    public String shown() {
        return switch (channel) {
            case WEBHOOK, SLACK -> Addresses.redactedUrl(address);
            case EMAIL, CONSOLE -> address;
        };
    }
}
