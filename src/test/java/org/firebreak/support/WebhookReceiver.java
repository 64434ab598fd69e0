package org.firebreak.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on 127.0.0.1 (the JDK's HTTP server), and the stand-in for every HTTP channel's server (an ntfy
 * server, Telegram's Bot API, a Matrix homeserver, an SMS gateway): records every request per path and answers each
 * path with the statuses a test scripts (then 200), or holds requests unanswered while {@link #hang} is set.
 */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, List<Received>> received = new HashMap<>();
    private final List<Received> all = new ArrayList<>();
    private final Map<String, Deque<Integer>> scripts = new HashMap<>();
    private volatile CountDownLatch hang = new CountDownLatch(0);

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests to {@code path} are answered with these statuses, in order; then 200. */
    public synchronized WebhookReceiver answer(String path, Integer... statuses) {
        scripts.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(statuses));
        return this;
    }

    /** Requests are recorded but not answered until {@link #release()}. */
    public void hang() {
        hang = new CountDownLatch(1);
    }

    public void release() {
        hang.countDown();
    }

    public synchronized List<Received> received(String path) {
        return List.copyOf(received.getOrDefault(path, List.of()));
    }

    /** Every request on any path, in the order they arrived. */
    public synchronized List<Received> all() {
        return List.copyOf(all);
    }

    /** Waits until at least {@code count} requests arrived on any path, at most {@code within}. */
    public List<Received> awaitAll(int count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (all().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return all();
    }

    /** Waits until {@code path} has at least {@code count} requests, at most {@code within}. */
    public List<Received> await(String path, int count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (received(path).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return received(path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst()));
        int status;
        Received request = new Received(headers, body, System.nanoTime(), exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery());
        synchronized (this) {
            received.computeIfAbsent(path, p -> new ArrayList<>()).add(request);
            all.add(request);
            Deque<Integer> script = scripts.get(path);
            status = script == null || script.isEmpty() ? 200 : script.poll();
        }
        try {
            if (!hang.await(60, TimeUnit.SECONDS)) {
                exchange.close();
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }

    /**
     * One request as it arrived; {@code nanos} is {@link System#nanoTime()} at arrival; {@code rawPath} and
     * {@code rawQuery} as sent, percent-encoding and all ({@code rawQuery} null when there was none).
     */
    public record Received(Map<String, String> headers, byte[] body, long nanos, String method, String rawPath,
            String rawQuery) {

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
