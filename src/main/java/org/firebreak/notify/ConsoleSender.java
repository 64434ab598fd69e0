package org.firebreak.notify;

import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The server's log (logger {@code firebreak.console}): the devnet's channel, and always there. */
@Component
class ConsoleSender implements ChannelSender {

    private static final Logger console = LoggerFactory.getLogger("firebreak.console");

    @Override
    public ChannelKind kind() {
        return ChannelKind.CONSOLE;
    }

    /** An acknowledge link's token: whoever reads the log could acknowledge with it. */
    private static final Pattern ACK_TOKEN = Pattern.compile("/ack/v1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private final boolean devnet;

    ConsoleSender(@Value("${firebreak.devnet:false}") boolean devnet) {
        this.devnet = devnet;
    }

    @Override
    public Sent send(Outgoing out) {
        console.info("[{}] {}{} {}\n{}", out.to().address(), out.kind(),
                out.to().person() == null ? "" : " for " + out.to().person(), out.message().subject(),
                shown(out.message().body().strip()));
        return new Sent.Delivered("written to the log");
    }

    /**
     * The message as the log may hold it: on the devnet whole (the log is where the team reads its pages there);
     * anywhere else an acknowledge link loses its token, since a log is read by more people than were paged.
     */
    String shown(String body) {
        return devnet ? body : ACK_TOKEN.matcher(body).replaceAll("/ack/(link left out of the log)");
    }
}
