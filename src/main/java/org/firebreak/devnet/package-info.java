/**
 * The devnet: a local chain 138 (anvil from the project's npm folder {@code devnet/}) with the real smart-account
 * stack deployed from the npm artifacts (EntryPoint v0.7, SimpleAccountFactory, VerifyingPaymaster,
 * DelegationManager owned by a guardian, caveat enforcers), a few smart accounts and signed delegations, the chain
 * profile that describes it, and the faults that drills and tests inject through anvil's own RPC methods.
 * {@link org.firebreak.devnet.Devnet} is the entry point.
 */
@ApplicationModule(displayName = "Devnet", allowedDependencies = { "chain", "shared" })
@NullMarked
package org.firebreak.devnet;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
