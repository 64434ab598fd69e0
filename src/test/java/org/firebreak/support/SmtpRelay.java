package org.firebreak.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP relay on 127.0.0.1 in front of a real SMTP server (GreenMail) that can withhold the server's answer to a
 * message: while {@link #hold} is set, once the client has sent a message's closing {@code <CRLF>.<CRLF>} nothing
 * more from the server reaches it. The server has taken the message, the client never learns so: the outcome of
 * the attempt is unknown to the sender, as when it dies between sending and hearing back.
 */
public final class SmtpRelay implements AutoCloseable {

    private static final byte[] END_OF_DATA = "\r\n.\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final int serverPort;
    private volatile boolean hold;
    private volatile int withheld;

    public SmtpRelay(int serverPort) throws IOException {
        this.serverPort = serverPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("smtp-relay").start(this::accept);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** From now on, the server's answers to complete messages are withheld. */
    public void hold() {
        hold = true;
    }

    /** Messages sent from now on are answered again (on connections whose message was not withheld). */
    public void release() {
        hold = false;
    }

    /** How many messages' answers were withheld so far. */
    public int withheld() {
        return withheld;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                AtomicBoolean messageSent = new AtomicBoolean();
                Thread.ofVirtual().start(() -> toServer(client, server, messageSent));
                Thread.ofVirtual().start(() -> toClient(server, client, messageSent));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Client to server; marks a complete message before passing its end on, so its answer is surely withheld. */
    private void toServer(Socket client, Socket server, AtomicBoolean messageSent) {
        byte[] tail = new byte[END_OF_DATA.length];
        try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    System.arraycopy(tail, 1, tail, 0, tail.length - 1);
                    tail[tail.length - 1] = buffer[i];
                    if (hold && java.util.Arrays.equals(tail, END_OF_DATA) && messageSent.compareAndSet(false, true)) {
                        withheld++;
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // either side went away
        } finally {
            closeQuietly(client, server);
        }
    }

    private void toClient(Socket server, Socket client, AtomicBoolean messageSent) {
        try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (!messageSent.get()) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // either side went away
        } finally {
            closeQuietly(client, server);
        }
    }

    private static void closeQuietly(Socket... sockets) {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
