package org.firebreak.chain;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * All chain I/O: JSON-RPC batches through web3j. A read goes only to an endpoint that {@link EndpointHealth} finds on
 * the profile's chain and answering (the healthy ones in the profile's order, then those behind), and fails over to
 * the next when it gets no answer; an endpoint never probed is probed before anything is read from it. Every call's
 * latency and outcome feed {@link EndpointStats} (what the RPC performance diagnostic reads) and the endpoint's
 * health. Calls made while serving an HTTP request go first at the endpoint's rate limit ({@link RateLimits.Caller}).
 */
@Component
class ChainClient {

    private final EndpointStats stats;
    private final RateLimits limits;
    private final EndpointHealth health;
    private final Clock clock;
    private final Map<String, Web3jService> services = new ConcurrentHashMap<>();

    ChainClient(EndpointStats stats, RateLimits limits, EndpointHealth health, Clock clock) {
        this.stats = stats;
        this.limits = limits;
        this.health = health;
        this.clock = clock;
    }

    /** The answers of one batch and the endpoint that gave them. */
    record Answers(RpcEndpoint endpoint, List<? extends Response<?>> responses, Duration latency) {

        <R extends Response<?>> R get(int index, Class<R> type) {
            return type.cast(responses.get(index));
        }
    }

    /**
     * Sends the calls as one batch to the first usable endpoint that answers (see {@link EndpointHealth#usable}); fails
     * with every endpoint's error or condition. The endpoint that answered is recorded in the open
     * {@link EndpointsUsed}.
     */
    Answers send(ChainProfile profile, List<RpcCall<?>> calls) throws ChainUnreachable {
        List<String> errors = new ArrayList<>();
        List<RpcEndpoint> usable = usable(profile);
        for (RpcEndpoint endpoint : usable) {
            try {
                Answers answers = sendTo(endpoint, profile.thresholds().rpcTimeout(), calls);
                EndpointsUsed.record(endpoint.name());
                return answers;
            } catch (IOException | RuntimeException e) {
                errors.add(endpoint.name() + " (" + endpoint.url() + "): " + describe(e));
            }
        }
        health.states(profile).stream().filter(s -> !usable.contains(s.endpoint()))
                .forEach(s -> errors.add(s.describe(profile)));
        throw new ChainUnreachable((usable.isEmpty() ? "no usable RPC endpoint: " : "no RPC endpoint answered: ")
                + String.join("; ", errors));
    }

    /**
     * How many calls the caller could send now to the endpoint a read would go to first, without waiting for its rate
     * limit; 0 when no endpoint is usable.
     */
    int callsWithoutWaiting(ChainProfile profile) {
        List<RpcEndpoint> usable = usable(profile);
        return usable.isEmpty() ? 0 : limits.available(usable.getFirst(), caller());
    }

    /**
     * Where a read may go now. Endpoints never probed are probed first, so nothing is read from an endpoint before
     * its chain id is known; when none is usable, every endpoint not on another chain (and not just probed) is probed
     * again at once rather than waiting for the prober.
     */
    private List<RpcEndpoint> usable(ChainProfile profile) {
        List<RpcEndpoint> probed = probeNeverProbed(profile);
        List<RpcEndpoint> usable = health.usable(profile);
        if (usable.isEmpty()) {
            List<RpcEndpoint> again = health.notWrongChain(profile).stream().filter(e -> !probed.contains(e)).toList();
            if (!again.isEmpty()) {
                probe(profile, again);
                usable = health.usable(profile);
            }
        }
        return usable;
    }

    /** Every endpoint of the profile as its health judges it now; endpoints never probed are probed first. */
    List<EndpointHealth.EndpointState> endpoints(ChainProfile profile) {
        probeNeverProbed(profile);
        return health.states(profile);
    }

    /** The endpoints it probed. */
    private List<RpcEndpoint> probeNeverProbed(ChainProfile profile) {
        List<RpcEndpoint> unknown = health.neverProbed(profile);
        if (!unknown.isEmpty()) {
            probe(profile, unknown);
        }
        return unknown;
    }

    /**
     * Probes the endpoints in parallel (a hanging one holds up none of the others) and records what each answered
     * in their health; the outcomes in the order given.
     */
    List<EndpointProbe.Outcome> probe(ChainProfile profile, List<RpcEndpoint> endpoints) {
        RateLimits.Caller caller = caller();
        Duration timeout = health.probeTimeout(profile);
        List<Future<EndpointProbe.Outcome>> outcomes;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            outcomes = endpoints.stream().map(e -> threads.submit(() -> probe(e, timeout, caller))).toList();
        }
        return outcomes.stream().map(Future::resultNow).toList();
    }

    private EndpointProbe.Outcome probe(RpcEndpoint endpoint, Duration timeout, RateLimits.Caller caller) {
        health.probing(endpoint);
        Answers answers;
        try {
            answers = sendTo(endpoint, timeout, EndpointProbe.calls(), caller);
        } catch (IOException | RuntimeException e) {
            return new EndpointProbe.Outcome(endpoint, null, describe(e)); // already in its health
        }
        try {
            EndpointProbe probe = EndpointProbe.read(answers);
            health.probed(probe);
            return new EndpointProbe.Outcome(endpoint, probe, null);
        } catch (RuntimeException e) {
            health.failed(endpoint, describe(e));
            return new EndpointProbe.Outcome(endpoint, null, describe(e));
        }
    }

    /** Sends the calls as one batch to this endpoint only, whatever its health. */
    Answers sendTo(RpcEndpoint endpoint, Duration timeout, List<RpcCall<?>> calls) throws IOException {
        return sendTo(endpoint, timeout, calls, caller());
    }

    private Answers sendTo(RpcEndpoint endpoint, Duration timeout, List<RpcCall<?>> calls, RateLimits.Caller caller)
            throws IOException {
        try {
            if (!limits.acquire(endpoint, calls.size(), caller, timeout)) {
                health.rateLimited(endpoint);
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
            health.answered(endpoint);
            return new Answers(endpoint, responses, latency);
        } catch (IOException | RuntimeException e) {
            stats.record(endpoint.name(), Duration.ofNanos(System.nanoTime() - started), false, clock.instant());
            health.failed(endpoint, describe(e));
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
