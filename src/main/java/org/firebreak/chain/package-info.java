/**
 * The chain: the chain profile (RPC endpoints, the smart-account stack's contracts, thresholds, the guardian),
 * the web3j-based RPC client with failover, the read-only diagnostics behind the plan's "Check …" steps, and the
 * guarded actions (pause, unpause). No web3j type leaves this module.
 */
@ApplicationModule(displayName = "Chain", allowedDependencies = { "playbook", "shared" })
@NullMarked
package org.firebreak.chain;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
