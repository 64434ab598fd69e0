package org.firebreak.chain;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.firebreak.chain.ChainProfile.RpcEndpoint;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps every endpoint's verdict in {@link EndpointHealth} at most one probe interval old: it looks a few times per
 * interval for endpoints that are due and probes them. It runs in every Firebreak process, not through db-scheduler:
 * each replica routes its own reads, so each needs its own view of the endpoints it reaches. An endpoint probed for
 * another reason (the RPC status diagnostic) is not probed again until it is due.
 */
@Component
class EndpointProber implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EndpointProber.class);

    private final ChainProfiles profiles;
    private final ChainClient client;
    private final EndpointHealth health;
    private @Nullable ScheduledExecutorService executor;

    EndpointProber(ChainProfiles profiles, ChainClient client, EndpointHealth health) {
        this.profiles = profiles;
        this.client = client;
        this.health = health;
    }

    void probeDue() {
        try {
            Optional<ChainProfile> profile = profiles.current();
            if (profile.isPresent()) {
                List<RpcEndpoint> due = health.due(profile.get());
                if (!due.isEmpty()) {
                    client.probe(profile.get(), due);
                }
            }
        } catch (RuntimeException e) {
            // An invalid profile file is reported where it is used; the next tick reads it again.
            log.debug("RPC endpoint probe skipped: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("rpc-endpoint-prober").factory());
            executor.scheduleAtFixedRate(this::probeDue, 0, health.tick().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
