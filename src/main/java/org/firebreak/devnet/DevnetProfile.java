package org.firebreak.devnet;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.firebreak.chain.ChainProfile;
import org.firebreak.chain.ChainProfile.Accounts;
import org.firebreak.chain.ChainProfile.ContractRef;
import org.firebreak.chain.ChainProfile.Contracts;
import org.firebreak.chain.ChainProfile.EntryPoint;
import org.firebreak.chain.ChainProfile.Follow;
import org.firebreak.chain.ChainProfile.Guardian;
import org.firebreak.chain.ChainProfile.RpcEndpoint;
import org.firebreak.chain.ChainProfile.Thresholds;
import org.firebreak.chain.ChainProfile.WatchedDelegation;
import org.firebreak.chain.EntryPointVersion;

/**
 * The devnet's chain profile: the fault-injecting proxy first ("primary"), anvil itself second ("secondary"),
 * every contract with the keccak-256 of its runtime code as deployed (the three EntryPoints, v0.7 first, in
 * {@code entryPoints}), the DelegationManager as the pausable contract, the guardian, default thresholds, the signed
 * delegations to watch and the EIP-7702 account to serve. The block follower follows with no confirmations (anvil
 * never reorganises by itself) every half second, so a block is followed within about a second of being mined.
 */
final class DevnetProfile {

    static final Duration FOLLOW_POLL_INTERVAL = Duration.ofMillis(500);

    private DevnetProfile() {
    }

    static ChainProfile of(DevnetChain chain, int proxyPort, int anvilPort, Duration blockTime, DeployedStack stack,
            Guardian guardian, List<WatchedDelegation> delegations) {
        List<RpcEndpoint> rpc = List.of(
                new RpcEndpoint("primary", URI.create("http://127.0.0.1:" + proxyPort + "/")),
                new RpcEndpoint("secondary", URI.create("http://127.0.0.1:" + anvilPort + "/")));
        ContractRef delegationManager = ref(chain, "DelegationManager", stack.delegationManager());
        ContractRef entryPoint = ref(chain, "EntryPoint", stack.entryPoint());
        List<EntryPoint> entryPoints = stack.entryPoints().stream().map(e -> e.version() == EntryPointVersion.V07
                ? new EntryPoint(entryPoint.address(), e.version(), entryPoint.codeHash(), entryPoint.name())
                : new EntryPoint(e.entryPoint(), e.version(), chain.codeHash(e.entryPoint()))).toList();
        var contracts = new Contracts(entryPoint, entryPoints, ref(chain, "SimpleAccountFactory", stack.accountFactory()),
                ref(chain, "VerifyingPaymaster", stack.paymaster()), delegationManager,
                List.of(ref(chain, "TimestampEnforcer", stack.timestampEnforcer()),
                        ref(chain, "LimitedCallsEnforcer", stack.limitedCallsEnforcer()),
                        ref(chain, "AllowedTargetsEnforcer", stack.allowedTargetsEnforcer()),
                        ref(chain, "BlockNumberEnforcer", stack.blockNumberEnforcer())),
                List.of(delegationManager));
        // The EIP-7702 watch serves the devnet's delegated account; the DeleGator it runs is allowed beside MetaMask's.
        var accounts = new Accounts(List.of(stack.delegatedAccount()), List.of(Accounts.METAMASK_STATELESS_DELEGATOR,
                stack.eip7702DeleGator()), null);
        return new ChainProfile(DevnetChain.CHAIN_ID, blockTime, rpc, contracts, guardian, Thresholds.defaults(),
                delegations, new Follow(0, 0, null, FOLLOW_POLL_INTERVAL), accounts);
    }

    private static ContractRef ref(DevnetChain chain, String name, String address) {
        return new ContractRef(name, address, chain.codeHash(address));
    }

    static String header(DevnetState state) {
        return "# Chain profile of the local chain-138 devnet, written by `firebreak devnet up` at " + state.startedAt()
                + ".\n# Endpoint 'primary' is the devnet's fault-injecting proxy, 'secondary' is anvil itself.\n";
    }
}
