package org.firebreak.support;

import java.io.IOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server for the tests: GreenMail on 127.0.0.1, on a port chosen before the Spring context starts. */
public final class TestSmtp {

    private TestSmtp() {
    }

    /** A port free on this machine now, for a server that a test's properties must name before it starts. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GreenMail's SMTP server started on 127.0.0.1 at {@code port}; the caller stops it. */
    public static GreenMail start(int port) {
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }
}
