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
}
