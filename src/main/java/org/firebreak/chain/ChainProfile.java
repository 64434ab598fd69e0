package org.firebreak.chain;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.firebreak.shared.ConfigProblem;
import org.jspecify.annotations.Nullable;

/**
 * Everything Firebreak needs to know about one chain: where to reach it, which contracts make up the stack
 * (each with the runtime code hash it is expected to have), the thresholds of the operators' alert rules and
 * the guardian that may pause. Written by {@code firebreak devnet up} for the local devnet; written by the
 * operators for a real chain. Never assume an address has code: the diagnostics check every one.
 */
public record ChainProfile(
        long chainId,
        Duration blockTime,
        List<RpcEndpoint> rpc,
        Contracts contracts,
        @Nullable Guardian guardian,
        Thresholds thresholds,
        List<WatchedDelegation> delegations) {

    static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    static final Pattern HASH = Pattern.compile("0x[0-9a-fA-F]{64}");
    static final Pattern HEX = Pattern.compile("0x([0-9a-fA-F]{2})*");

    public ChainProfile {
        if (chainId < 1) {
            throw new ConfigProblem("chainId", "must be a positive chain id, e.g. 138");
        }
        blockTime = blockTime == null ? Duration.ofSeconds(2) : blockTime;
        if (rpc == null || rpc.isEmpty()) {
            throw new ConfigProblem("rpc", "needs at least one endpoint");
        }
        rpc = List.copyOf(rpc);
        ConfigProblem.required("contracts", contracts);
        thresholds = thresholds == null ? Thresholds.defaults() : thresholds;
        delegations = delegations == null ? List.of() : List.copyOf(delegations);
    }

    /**
     * One JSON-RPC endpoint; endpoints are tried in the order given.
     *
     * @param requestsPerMinute the endpoint's rate limit (chain 138's public RPC allows 1,200 per IP); a batch
     *        counts each call in it
     */
    public record RpcEndpoint(String name, URI url, int requestsPerMinute) {

        public static final int DEFAULT_REQUESTS_PER_MINUTE = 1200;

        public RpcEndpoint {
            ConfigProblem.required("name", name);
            ConfigProblem.required("url", url);
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new ConfigProblem("url", "must be an http(s) URL, got '" + url + "'");
            }
            if (requestsPerMinute < 0) {
                throw new ConfigProblem("requestsPerMinute", "must be positive (0 means the default of "
                        + DEFAULT_REQUESTS_PER_MINUTE + ")");
            }
            requestsPerMinute = requestsPerMinute == 0 ? DEFAULT_REQUESTS_PER_MINUTE : requestsPerMinute;
        }

        public RpcEndpoint(String name, URI url) {
            this(name, url, DEFAULT_REQUESTS_PER_MINUTE);
        }
    }

    /** A contract of the stack: its address and, where known, the keccak-256 of its runtime code. */
    public record ContractRef(String name, String address, @Nullable String codeHash) {
        public ContractRef {
            ConfigProblem.required("name", name);
            ConfigProblem.required("address", address);
            if (!ADDRESS.matcher(address).matches()) {
                throw new ConfigProblem("address", "must be a 0x-prefixed 20-byte hex address, got '" + address + "'");
            }
            if (codeHash != null && !HASH.matcher(codeHash).matches()) {
                throw new ConfigProblem("codeHash", "must be a 0x-prefixed 32-byte hex hash");
            }
        }
    }

    /**
     * The stack's contracts. {@code pausable} lists what "Pause system" pauses (the DelegationManager at least,
     * plus any Pausable contract of the operators' own).
     */
    public record Contracts(ContractRef entryPoint, ContractRef accountFactory, @Nullable ContractRef paymaster,
            ContractRef delegationManager, List<ContractRef> enforcers, List<ContractRef> pausable) {
        public Contracts {
            ConfigProblem.required("entryPoint", entryPoint);
            ConfigProblem.required("accountFactory", accountFactory);
            ConfigProblem.required("delegationManager", delegationManager);
            enforcers = enforcers == null ? List.of() : List.copyOf(enforcers);
            pausable = pausable == null ? List.of(delegationManager) : List.copyOf(pausable);
        }
    }

    /**
     * The key that may pause: an encrypted JSON keystore (Web3 Secret Storage) and the file holding its password.
     * The key itself is never logged, returned or written to the timeline.
     */
    public record Guardian(String address, Path keystore, Path passwordFile) {
        public Guardian {
            ConfigProblem.required("address", address);
            if (!ADDRESS.matcher(address).matches()) {
                throw new ConfigProblem("address", "must be a 0x-prefixed 20-byte hex address");
            }
            ConfigProblem.required("keystore", keystore);
            ConfigProblem.required("passwordFile", passwordFile);
        }
    }

    /**
     * The operators' thresholds (operational defaults), all configurable.
     *
     * @param paymasterMinDeposit wei below which the paymaster's EntryPoint deposit is a finding
     * @param gasPriceCeiling wei above which the gas price is a finding
     * @param expiryHorizon delegations expiring within this are reported (7 days by default)
     * @param rpcTimeout per-call timeout of every diagnostic's RPC
     * @param maxHeadLag blocks an endpoint may trail the best one before it is a finding
     * @param slowRpc latency above which an endpoint is slow
     */
    public record Thresholds(BigInteger paymasterMinDeposit, BigInteger gasPriceCeiling, Duration expiryHorizon,
            Duration rpcTimeout, int maxHeadLag, Duration slowRpc) {

        public static Thresholds defaults() {
            return new Thresholds(null, null, null, null, 0, null);
        }

        public Thresholds {
            paymasterMinDeposit = paymasterMinDeposit == null ? new BigInteger("100000000000000000") : paymasterMinDeposit;
            gasPriceCeiling = gasPriceCeiling == null ? new BigInteger("50000000000") : gasPriceCeiling;
            expiryHorizon = expiryHorizon == null ? Duration.ofDays(7) : expiryHorizon;
            rpcTimeout = rpcTimeout == null ? Duration.ofSeconds(2) : rpcTimeout;
            maxHeadLag = maxHeadLag <= 0 ? 3 : maxHeadLag;
            slowRpc = slowRpc == null ? Duration.ofMillis(500) : slowRpc;
        }
    }

    /**
     * A signed delegation the operators watch (for expiry and permissions), in the DelegationManager's
     * {@code Delegation} struct layout.
     */
    public record WatchedDelegation(String name, String delegate, String delegator, String authority,
            List<Caveat> caveats, BigInteger salt, String signature) {
        public WatchedDelegation {
            ConfigProblem.required("name", name);
            for (String field : List.of("delegate", "delegator")) {
                String value = field.equals("delegate") ? delegate : delegator;
                if (value == null || !ADDRESS.matcher(value).matches()) {
                    throw new ConfigProblem(field, "must be a 0x-prefixed 20-byte hex address");
                }
            }
            if (authority == null || !HASH.matcher(authority).matches()) {
                throw new ConfigProblem("authority", "must be a 0x-prefixed 32-byte hash (0xff…ff for a root delegation)");
            }
            caveats = caveats == null ? List.of() : List.copyOf(caveats);
            salt = salt == null ? BigInteger.ZERO : salt;
            signature = signature == null ? "0x" : signature;
        }

        public record Caveat(String enforcer, String terms, String args) {
            public Caveat {
                if (enforcer == null || !ADDRESS.matcher(enforcer).matches()) {
                    throw new ConfigProblem("enforcer", "must be a 0x-prefixed 20-byte hex address");
                }
                terms = terms == null ? "0x" : terms;
                args = args == null ? "0x" : args;
                if (!HEX.matcher(terms).matches()) {
                    throw new ConfigProblem("terms", "must be 0x-prefixed hex bytes");
                }
                if (!HEX.matcher(args).matches()) {
                    throw new ConfigProblem("args", "must be 0x-prefixed hex bytes");
                }
            }
        }
    }
}
