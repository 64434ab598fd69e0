package org.firebreak.oncall;

import org.firebreak.notify.ChannelKind;
import org.firebreak.shared.ConfigProblem;

/** One way to reach a person: a channel and its address (an email address, a webhook URL, a console name). */
public record Contact(ChannelKind channel, String address) {

    public Contact {
        ConfigProblem.required("channel", channel);
        ConfigProblem.required("address", address);
        address = address.strip();
    }
}
