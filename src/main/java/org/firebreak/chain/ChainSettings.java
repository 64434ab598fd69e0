package org.firebreak.chain;

import java.nio.file.Path;
import java.time.Duration;

import org.firebreak.shared.ConfigProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the chain profile is, and how often the RPC endpoints are probed.
 *
 * @param profile the chain profile YAML; {@code firebreak up} points it at the devnet's when no RPC URL is set
 * @param rpcUrl when set (env FIREBREAK_RPC_URL), replaces the profile's endpoints with this one
 * @param probeInterval the longest a change in an endpoint's health (wrong chain id, no answer, behind) goes unnoticed:
 *        each endpoint is probed often enough that its verdict is never older than this; default
 *        {@value #DEFAULT_PROBE_INTERVAL_SECONDS} s ({@link EndpointHealth})
 */
@ConfigurationProperties("firebreak.chain")
public record ChainSettings(@Nullable Path profile, @Nullable String rpcUrl, Duration probeInterval) {

    static final int DEFAULT_PROBE_INTERVAL_SECONDS = 5;

    /** A missing {@code probe-interval} (null when bound) is the default. */
    public ChainSettings {
        probeInterval = probeInterval == null ? Duration.ofSeconds(DEFAULT_PROBE_INTERVAL_SECONDS) : probeInterval;
        if (probeInterval.compareTo(Duration.ofMillis(200)) < 0) {
            throw new ConfigProblem("firebreak.chain.probe-interval", "must be at least 200ms, got " + probeInterval);
        }
    }
}
