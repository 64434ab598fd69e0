package org.firebreak.chain;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the chain profile is.
 *
 * @param profile the chain profile YAML; {@code firebreak up} points it at the devnet's when no RPC URL is set
 * @param rpcUrl when set (env FIREBREAK_RPC_URL), replaces the profile's endpoints with this one
 */
@ConfigurationProperties("firebreak.chain")
public record ChainSettings(@Nullable Path profile, @Nullable String rpcUrl) {
}
