package org.firebreak.chain;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.firebreak.devnet.ChainIdAnswers;
import org.firebreak.support.ChainProfileFiles;
import org.firebreak.support.IsolatedDevnet;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON-RPC endpoint on 127.0.0.1 in front of anvil that a test turns bad: it passes requests through, answers
 * another chain id ({@code eth_chainId}, {@code net_version}), or hangs (accepts, never answers, until it is told to
 * pass again or {@link #HANG_AT_MOST} has gone by). In any mode it can refuse one method as a node that does not serve
 * it does (JSON-RPC -32601, method not found), each such call in a batch alone, the others answered. It counts the requests it gets, telling Firebreak's health
 * probes ({@link EndpointProbe#calls()}, alone in their batch) from reads.
 */
final class RpcProxy implements AutoCloseable {

    /** The longest a hung request is held, so no test thread outlives its test by much. */
    static final Duration HANG_AT_MOST = Duration.ofSeconds(30);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> PROBE = EndpointProbe.calls().stream().map(RpcCall::method).toList();

    private enum Mode { PASS, WRONG_CHAIN, HANG }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI anvil;
    private final AtomicInteger probes = new AtomicInteger();
    private final List<List<String>> reads = new ArrayList<>();
    private final AtomicInteger readsNow = new AtomicInteger();
    private final AtomicInteger mostReadsAtOnce = new AtomicInteger();
    private Mode mode = Mode.PASS;
    private long wrongChainId;
    private volatile String refused = "";

    private RpcProxy(URI anvil) throws IOException {
        this.anvil = anvil;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    static RpcProxy inFrontOf(String anvilUrl) throws IOException {
        return new RpcProxy(URI.create(anvilUrl));
    }

    /**
     * A proxy in front of an isolated devnet's anvil, written into a chain profile as the test context's only endpoint
     * (named {@code name}, at {@code requestsPerMinute}) and registered with the context.
     */
    static RpcProxy onlyEndpoint(IsolatedDevnet isolated, DynamicPropertyRegistry registry, String name,
            int requestsPerMinute) throws IOException {
        return onlyEndpoint(isolated, isolated.devnet().state().anvilUrl(), registry, name, requestsPerMinute);
    }

    /** The same in front of {@code upstream}: the devnet's anvil, or its fault proxy for the faults of the RPC endpoint. */
    static RpcProxy onlyEndpoint(IsolatedDevnet isolated, String upstream, DynamicPropertyRegistry registry, String name,
            int requestsPerMinute) throws IOException {
        RpcProxy proxy = inFrontOf(upstream);
        Path file = ChainProfileFiles.write(Path.of("target/test-data/" + name + "-" + UUID.randomUUID())
                .resolve("chain-profile.yml"), isolated.devnet().profile()
                        .withRpc(List.of(new ChainProfile.RpcEndpoint(name, proxy.url(), requestsPerMinute))));
        isolated.register(registry, file);
        return proxy;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    synchronized void pass() {
        mode = Mode.PASS;
        notifyAll();
    }

    synchronized void answerChainId(long chainId) {
        wrongChainId = chainId;
        mode = Mode.WRONG_CHAIN;
        notifyAll();
    }

    synchronized void hang() {
        mode = Mode.HANG;
    }

    /** Answers every call of {@code method} with -32601 (method not found), as a node that does not serve it. */
    void refuse(String method) {
        refused = method;
    }

    /** Forgets the requests counted so far. */
    synchronized void resetCounts() {
        probes.set(0);
        reads.clear();
    }

    int probes() {
        return probes.get();
    }

    /** The most reads (requests other than health probes) this proxy was answering at the same time. */
    int mostReadsAtOnce() {
        return mostReadsAtOnce.get();
    }

    /** The methods of every request that was not a health probe, one list per request. */
    synchronized List<List<String>> reads() {
        return List.copyOf(reads);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request = exchange.getRequestBody().readAllBytes();
            if (count(request)) {
                mostReadsAtOnce.accumulateAndGet(readsNow.incrementAndGet(), Math::max);
                try {
                    answer(exchange, request);
                } finally {
                    readsNow.decrementAndGet();
                }
            } else {
                answer(exchange, request);
            }
        }
    }

    private void answer(HttpExchange exchange, byte[] request) throws IOException {
        try {
            Mode now = awaitAnswerable();
            if (now == Mode.HANG) {
                return; // held for HANG_AT_MOST: closed without an answer
            }
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(anvil).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(request))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = now == Mode.WRONG_CHAIN ? ChainIdAnswers.rewrite(request, response.body(), wrongChainId)
                    : response.body();
            body = refusing(request, body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(response.statusCode(), body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The mode to answer in; while hanging, waits until the mode changes or the hang's time is up. */
    private synchronized Mode awaitAnswerable() throws InterruptedException {
        long deadline = System.nanoTime() + HANG_AT_MOST.toNanos();
        while (mode == Mode.HANG && System.nanoTime() < deadline) {
            wait(Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis()));
        }
        return mode;
    }

    /** The answer with each call of the refused method replaced by a "method not found" error of the same id. */
    private byte[] refusing(byte[] request, byte[] body) {
        String method = refused;
        if (method.isEmpty()) {
            return body;
        }
        JsonNode calls = JSON.readTree(request);
        java.util.Set<JsonNode> ids = new java.util.HashSet<>();
        (calls.isArray() ? calls : List.of(calls)).forEach(call -> {
            if (method.equals(call.path("method").asString(""))) {
                ids.add(call.path("id"));
            }
        });
        if (ids.isEmpty()) {
            return body;
        }
        JsonNode answers = JSON.readTree(body);
        List<Object> rewritten = new ArrayList<>();
        for (JsonNode answer : answers.isArray() ? answers : List.of(answers)) {
            rewritten.add(ids.contains(answer.path("id")) ? java.util.Map.of("jsonrpc", "2.0", "id", answer.path("id"),
                    "error", java.util.Map.of("code", -32601, "message", "Method not found")) : answer);
        }
        return JSON.writeValueAsBytes(answers.isArray() ? rewritten : rewritten.getFirst());
    }

    /** Counts the request; true when it is a read, not a health probe. */
    private boolean count(byte[] request) {
        JsonNode body = JSON.readTree(request);
        List<String> methods = new ArrayList<>();
        (body.isArray() ? body : List.of(body)).forEach(call -> methods.add(call.path("method").asString("")));
        if (methods.equals(PROBE)) {
            probes.incrementAndGet();
            return false;
        }
        synchronized (this) {
            reads.add(methods);
        }
        return true;
    }

    @Override
    public void close() {
        server.stop(0);
        pass();
        threads.shutdownNow();
    }
}
