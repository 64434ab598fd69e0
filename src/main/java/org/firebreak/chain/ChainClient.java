package org.firebreak.chain;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.firebreak.chain.ChainProfile.RpcEndpoint;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

import okhttp3.OkHttpClient;

/**
 * All chain I/O: JSON-RPC batches through web3j, sent to the profile's endpoints in order until one answers.
 * Every call's latency and outcome feed {@link EndpointStats}, which the RPC performance diagnostic reads. Calls made
 * while serving an HTTP request go first at the endpoint's rate limit ({@link RateLimits.Caller}).
 */
@Component
class ChainClient {

    private final EndpointStats stats;
    private final RateLimits limits;
    private final Clock clock;
    private final Map<String, Web3jService> services = new ConcurrentHashMap<>();

    ChainClient(EndpointStats stats, RateLimits limits, Clock clock) {
        this.stats = stats;
        this.limits = limits;
        this.clock = clock;
    }

    /** The answers of one batch and the endpoint that gave them. */
    record Answers(RpcEndpoint endpoint, List<? extends Response<?>> responses, Duration latency) {

        <R extends Response<?>> R get(int index, Class<R> type) {
            return type.cast(responses.get(index));
        }
    }

    /** Sends the calls as one batch to the first endpoint that answers; fails with every endpoint's error. */
    Answers send(ChainProfile profile, List<RpcCall<?>> calls) throws ChainUnreachable {
        List<String> errors = new ArrayList<>();
        for (RpcEndpoint endpoint : profile.rpc()) {
            try {
                return sendTo(endpoint, profile.thresholds().rpcTimeout(), calls);
            } catch (IOException | RuntimeException e) {
                errors.add(endpoint.name() + " (" + endpoint.url() + "): " + describe(e));
            }
        }
        throw new ChainUnreachable("no RPC endpoint answered: " + String.join("; ", errors));
    }

    /** Sends the calls as one batch to this endpoint only. */
    Answers sendTo(RpcEndpoint endpoint, Duration timeout, List<RpcCall<?>> calls) throws IOException {
        try {
            if (!limits.acquire(endpoint, calls.size(), caller(), timeout)) {
                throw new IOException("rate limit of " + endpoint.requestsPerMinute() + " requests/min reached");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the rate limit", e);
        }
        Web3jService service = service(endpoint, timeout);
        BatchRequest batch = new BatchRequest(service);
        for (RpcCall<?> call : calls) {
            batch.add(request(call, service));
        }
        long started = System.nanoTime();
        try {
            List<? extends Response<?>> responses = batch.send().getResponses();
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            stats.record(endpoint.name(), latency, true, clock.instant());
            return new Answers(endpoint, responses, latency);
        } catch (IOException | RuntimeException e) {
            stats.record(endpoint.name(), Duration.ofNanos(System.nanoTime() - started), false, clock.instant());
            throw e;
        }
    }

    /** A thread serving an HTTP request has someone waiting on it; any other thread is Firebreak's own work. */
    static RateLimits.Caller caller() {
        return RequestContextHolder.getRequestAttributes() != null ? RateLimits.Caller.PERSON
                : RateLimits.Caller.BACKGROUND;
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Request<?, ? extends Response<?>> request(RpcCall<?> call, Web3jService service) {
        return new Request(call.method(), call.params(), service, call.responseType());
    }

    private Web3jService service(RpcEndpoint endpoint, Duration timeout) {
        return services.computeIfAbsent(endpoint.url() + "|" + timeout.toMillis(), key -> new HttpService(
                endpoint.url().toString(), new OkHttpClient.Builder().callTimeout(timeout).connectTimeout(timeout)
                        .readTimeout(timeout).retryOnConnectionFailure(false).build()));
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 160 ? message.substring(0, 160) + "…" : message;
    }
}
