package org.firebreak.oncall;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.firebreak.notify.ChannelKind;
import org.firebreak.notify.Destination;
import org.firebreak.shared.ConfigProblem;
import org.jspecify.annotations.Nullable;

/**
 * One way to reach a person: a channel and its address (an email address, a webhook URL, a console name, an ntfy
 * topic, a Telegram chat id, a Matrix room id, a phone number).
 */
public record Contact(ChannelKind channel, String address) {

    public Contact {
        ConfigProblem.required("channel", channel);
        ConfigProblem.required("address", address);
        address = address.strip();
    }

    /**
     * A contact as the on-call file gives it: its address checked against its channel (a Telegram chat id, a Matrix
     * room id, a URL...), so that {@code firebreak check} and start-up name the line of a wrong one.
     */
    @JsonCreator
    static Contact of(@JsonProperty("channel") @Nullable ChannelKind channel,
            @JsonProperty("address") @Nullable String address) {
        ConfigProblem.required("channel", channel);
        if (address == null || address.isBlank()) {
            // Blamed on the contact itself: a key that is not there has no line of its own.
            throw new ConfigProblem("", "address " + channel.addressProblem(address).orElse("is required"));
        }
        channel.addressProblem(address).ifPresent(problem -> {
            throw new ConfigProblem("address", problem);
        });
        return new Contact(channel, address);
    }

    /**
     * The same contact as people may see it: a webhook or Slack URL without the path and query that hold its secret,
     * an ntfy topic or a phone number mostly left out ({@link Destination#shown()}).
     */
    public Contact shown() {
        return new Contact(channel, new Destination(channel, address, null).shown());
    }

    /** As every API answer shows it (people, escalation paths, who is on call): {@link #shown()}. */
    @JsonValue
    Shown json() {
        return new Shown(channel, shown().address());
    }

    /** What JSON carries of a contact. */
    record Shown(ChannelKind channel, String address) {
    }
}
