package org.firebreak.devnet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The devnet's companion, beside anvil: a loopback JSON-RPC proxy in front of anvil whose fault mode is
 * switchable (pass, fail, slow), and the block clock that mines a block every block time. anvil itself runs in
 * instant (auto) mining so transactions get their receipts at once; the clock makes the chain advance on its own,
 * and stopping it (with automine off) halts the chain. (anvil's own mixed mining cannot be restored once either
 * mode has been switched off over RPC, so {@code clear} could not undo a halt.)
 *
 * <p>Control, on the proxy's port: {@code POST /devnet/rpc-mode} with body pass|fail|slow, {@code POST
 * /devnet/blocks} with body run|stop, {@code POST /devnet/chain-id} with body pass or the chain id that
 * {@code eth_chainId} and {@code net_version} answer instead of anvil's,
 * {@code POST /devnet/log-range-limit} with the widest eth_getLogs range the
 * proxy lets through (0: any), {@code GET /devnet/status}.
 */
final class Sidecar implements AutoCloseable {

    enum RpcMode { PASS, FAIL, SLOW }

    /** Above the default slowRpc threshold (500 ms), below the default rpcTimeout (2 s): slow, yet answering. */
    static final Duration SLOW_DELAY = Duration.ofMillis(1200);

    /** The widest eth_getLogs block range the limit-log-range fault lets through. */
    static final int LOG_RANGE_LIMIT = 10;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI anvil;
    private final DevnetChain chain;
    private final ScheduledExecutorService clock;
    private volatile RpcMode mode = RpcMode.PASS;
    private volatile boolean blocksRunning = true;
    /** The chain id the proxy reports instead of anvil's (fault wrong-chain-id); null passes anvil's through. */
    private volatile @Nullable Long chainId;
    private volatile int logRangeLimit;

    private Sidecar(HttpServer server, String anvilUrl, Duration blockTime) {
        this.server = server;
        this.anvil = URI.create(anvilUrl);
        this.chain = new DevnetChain(anvilUrl);
        this.clock = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("devnet-block-clock").factory());
        clock.scheduleAtFixedRate(this::tick, blockTime.toMillis(), blockTime.toMillis(), TimeUnit.MILLISECONDS);
    }

    static Sidecar start(int proxyPort, String anvilUrl, Duration blockTime) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", proxyPort), 64);
        } catch (IOException e) {
            throw new DevnetFailure("cannot listen on 127.0.0.1:" + proxyPort + " for the devnet RPC proxy: " + e.getMessage(), e);
        }
        Sidecar sidecar = new Sidecar(server, anvilUrl, blockTime);
        server.createContext("/", sidecar::proxy);
        server.createContext("/devnet/", sidecar::control);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return sidecar;
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void tick() {
        if (blocksRunning) {
            try {
                chain.anvil("evm_mine");
            } catch (RuntimeException e) {
                // anvil is gone or busy: the next tick tries again, the watchdog ends the sidecar if anvil died
            }
        }
    }

    private void proxy(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request = exchange.getRequestBody().readAllBytes();
            switch (mode) {
                case FAIL -> {
                    reply(exchange, 503, "devnet fault rpc-fail: this endpoint is failing on purpose\n");
                    return;
                }
                case SLOW -> DevnetChain.pause(SLOW_DELAY);
                case PASS -> { }
            }
            byte[] refused = refusedLogRange(request);
            if (refused != null) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                reply(exchange, 200, refused);
                return;
            }
            HttpRequest forward = HttpRequest.newBuilder(anvil).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(request)).build();
            try {
                HttpResponse<byte[]> response = http.send(forward, HttpResponse.BodyHandlers.ofByteArray());
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                Long reported = chainId;
                reply(exchange, response.statusCode(), reported == null ? response.body()
                        : ChainIdAnswers.rewrite(request, response.body(), reported));
            } catch (IOException e) {
                reply(exchange, 502, "devnet proxy: anvil is unreachable: " + e.getMessage() + "\n");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reply(exchange, 503, "devnet proxy: interrupted\n");
            }
        }
    }

    private void control(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = read(exchange.getRequestBody()).strip().toUpperCase(Locale.ROOT);
            boolean post = "POST".equals(exchange.getRequestMethod());
            try {
                if (post && path.equals("/devnet/rpc-mode")) {
                    mode = RpcMode.valueOf(body);
                } else if (post && path.equals("/devnet/blocks")) {
                    blocksRunning = switch (body) {
                        case "RUN" -> true;
                        case "STOP" -> false;
                        default -> throw new IllegalArgumentException(body);
                    };
                } else if (post && path.equals("/devnet/chain-id")) {
                    chainId = body.equals("PASS") ? null : Long.valueOf(body);
                } else if (post && path.equals("/devnet/log-range-limit")) {
                    logRangeLimit = Integer.parseInt(body);
                } else if (!path.equals("/devnet/status")) {
                    reply(exchange, 404, "unknown devnet control " + path + "\n");
                    return;
                }
            } catch (IllegalArgumentException e) { // NumberFormatException too
                reply(exchange, 400, "bad value '" + body + "' for " + path + "\n");
                return;
            }
            reply(exchange, 200, status() + "\n");
        }
    }

    String status() {
        Long reported = chainId;
        return "rpc-mode=" + mode.name().toLowerCase(Locale.ROOT) + " blocks=" + (blocksRunning ? "run" : "stop")
                + " chain-id=" + (reported == null ? "pass" : reported)
                + " log-range=" + (logRangeLimit > 0 ? logRangeLimit : "any");
    }

    /**
     * With the limit-log-range fault, the answer to a request holding an eth_getLogs over more than the limit: a
     * JSON-RPC error (code -32005, as public providers answer), for each call of a batch; null to forward it.
     */
    private byte @Nullable [] refusedLogRange(byte[] request) {
        int limit = logRangeLimit;
        if (limit <= 0) {
            return null;
        }
        JsonNode body;
        try {
            body = JSON.readTree(request);
        } catch (JacksonException e) {
            return null;
        }
        List<JsonNode> calls = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(calls::add);
        } else {
            calls.add(body);
        }
        if (calls.stream().noneMatch(call -> overRange(call, limit))) {
            return null;
        }
        ArrayNode answers = JSON.createArrayNode();
        for (JsonNode call : calls) {
            ObjectNode answer = answers.addObject().put("jsonrpc", "2.0");
            answer.set("id", call.get("id"));
            answer.putObject("error").put("code", -32005).put("message", overRange(call, limit)
                    ? "query exceeds max block range " + limit : "batch holds an eth_getLogs over more than " + limit + " blocks");
        }
        return JSON.writeValueAsBytes(body.isArray() ? answers : answers.get(0));
    }

    private static boolean overRange(JsonNode call, int limit) {
        JsonNode filter = call.path("params").path(0);
        String from = filter.path("fromBlock").asString("");
        String to = filter.path("toBlock").asString("");
        return "eth_getLogs".equals(call.path("method").asString("")) && from.startsWith("0x") && to.startsWith("0x")
                && Long.decode(to) - Long.decode(from) + 1 > limit;
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        reply(exchange, status, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        clock.shutdownNow();
        server.stop(0);
        chain.close();
    }
}
