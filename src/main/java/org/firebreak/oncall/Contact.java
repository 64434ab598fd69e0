package org.firebreak.oncall;

import com.fasterxml.jackson.annotation.JsonValue;
import org.firebreak.notify.ChannelKind;
import org.firebreak.notify.Destination;
import org.firebreak.shared.ConfigProblem;

/** One way to reach a person: a channel and its address (an email address, a webhook URL, a console name). */
public record Contact(ChannelKind channel, String address) {

    public Contact {
        ConfigProblem.required("channel", channel);
        ConfigProblem.required("address", address);
        address = address.strip();
    }

    /** The same contact as people may see it: a webhook or Slack URL without the path and query that hold its secret. */
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
