package org.firebreak.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The server's log (logger {@code firebreak.console}): the devnet's channel, and always there. */
@Component
class ConsoleSender implements ChannelSender {

    private static final Logger console = LoggerFactory.getLogger("firebreak.console");

    @Override
    public ChannelKind kind() {
        return ChannelKind.CONSOLE;
    }

    @Override
    public Sent send(Outgoing out) {
        console.info("[{}] {}{} {}\n{}", out.to().address(), out.kind(),
                out.to().person() == null ? "" : " for " + out.to().person(), out.message().subject(),
                out.message().body().strip());
        return new Sent.Delivered("written to the log");
    }
}
