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
 * the guardian that may pause, and how the block follower follows the chain. Written by {@code firebreak devnet up}
 * for the local devnet; written by the operators for a real chain. Never assume an address has code: the
 * diagnostics check every one.
 *
 * @param accounts the EIP-7702 accounts the team serves and the delegate contracts they may point to
 * @param expectedOwners addresses an ownership transfer of a watched contract may go to without an incident (the
 *        operators' own multisig or timelock); the guardian is always expected; optional
 */
public record ChainProfile(
        long chainId,
        Duration blockTime,
        List<RpcEndpoint> rpc,
        Contracts contracts,
        @Nullable Guardian guardian,
        Thresholds thresholds,
        List<WatchedDelegation> delegations,
        Follow follow,
        Accounts accounts,
        List<String> expectedOwners) {

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
        follow = follow == null ? Follow.defaults(blockTime) : follow.withPollInterval(blockTime);
        accounts = accounts == null ? Accounts.defaults() : accounts;
        expectedOwners = Accounts.addresses("expectedOwners", expectedOwners);
    }

    /** A profile without {@code expectedOwners:} expects no owner but the guardian. */
    public ChainProfile(long chainId, Duration blockTime, List<RpcEndpoint> rpc, Contracts contracts,
            @Nullable Guardian guardian, Thresholds thresholds, List<WatchedDelegation> delegations, Follow follow,
            Accounts accounts) {
        this(chainId, blockTime, rpc, contracts, guardian, thresholds, delegations, follow, accounts, null);
    }

    /** Whether a watched contract may pass to {@code owner} without an incident: the guardian or an expected owner. */
    public boolean expectsOwner(String owner) {
        return guardian != null && guardian.address().equalsIgnoreCase(owner)
                || expectedOwners.stream().anyMatch(owner::equalsIgnoreCase);
    }

    /** A profile without an {@code accounts:} section serves no configured account and allows MetaMask's DeleGator. */
    public ChainProfile(long chainId, Duration blockTime, List<RpcEndpoint> rpc, Contracts contracts,
            @Nullable Guardian guardian, Thresholds thresholds, List<WatchedDelegation> delegations, Follow follow) {
        this(chainId, blockTime, rpc, contracts, guardian, thresholds, delegations, follow, null);
    }

    /** A profile without a {@code follow:} section follows with {@link Follow}'s defaults. */
    public ChainProfile(long chainId, Duration blockTime, List<RpcEndpoint> rpc, Contracts contracts,
            @Nullable Guardian guardian, Thresholds thresholds, List<WatchedDelegation> delegations) {
        this(chainId, blockTime, rpc, contracts, guardian, thresholds, delegations, null, null);
    }

    /** The same profile reached through other endpoints. */
    public ChainProfile withRpc(List<RpcEndpoint> endpoints) {
        return new ChainProfile(chainId, blockTime, endpoints, contracts, guardian, thresholds, delegations, follow,
                accounts, expectedOwners);
    }

    /**
     * One JSON-RPC endpoint; endpoints are tried in the order given.
     *
     * @param requestsPerMinute the endpoint's rate limit (chain 138's public RPC allows 1,200 per IP); a batch
     *        counts each call in it; left out or 0, the default of 1,200
     */
    public record RpcEndpoint(String name, URI url, Integer requestsPerMinute) {

        public static final int DEFAULT_REQUESTS_PER_MINUTE = 1200;

        public RpcEndpoint {
            ConfigProblem.required("name", name);
            ConfigProblem.required("url", url);
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new ConfigProblem("url", "must be an http(s) URL, got '" + url + "'");
            }
            if (requestsPerMinute != null && requestsPerMinute < 0) {
                throw new ConfigProblem("requestsPerMinute", "must be positive (0 or left out means the default of "
                        + DEFAULT_REQUESTS_PER_MINUTE + ")");
            }
            requestsPerMinute = requestsPerMinute == null || requestsPerMinute == 0
                    ? DEFAULT_REQUESTS_PER_MINUTE : requestsPerMinute;
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
     *
     * @param entryPoint the EntryPoint the account factory and the paymaster serve; alone (the profile's old form)
     *        it is a v0.7 EntryPoint; given with {@code entryPoints}, the first of them when left out
     * @param entryPoints every EntryPoint the chain runs, each with its version (v0.7, v0.8, v0.9); the block follower
     *        follows all of them. {@code entryPoint}, when given and not listed, is added to them as v0.7
     */
    public record Contracts(@Nullable ContractRef entryPoint, List<EntryPoint> entryPoints, ContractRef accountFactory,
            @Nullable ContractRef paymaster, ContractRef delegationManager, List<ContractRef> enforcers,
            List<ContractRef> pausable) {
        public Contracts {
            entryPoints = EntryPoint.listed(entryPoint, entryPoints);
            entryPoint = entryPoint == null ? entryPoints.getFirst().ref() : entryPoint;
            ConfigProblem.required("accountFactory", accountFactory);
            ConfigProblem.required("delegationManager", delegationManager);
            enforcers = enforcers == null ? List.of() : List.copyOf(enforcers);
            pausable = pausable == null ? List.of(delegationManager) : List.copyOf(pausable);
        }

        /** The profile's old form: one EntryPoint, v0.7. */
        public Contracts(ContractRef entryPoint, ContractRef accountFactory, @Nullable ContractRef paymaster,
                ContractRef delegationManager, List<ContractRef> enforcers, List<ContractRef> pausable) {
            this(entryPoint, null, accountFactory, paymaster, delegationManager, enforcers, pausable);
        }

        @Override
        public ContractRef entryPoint() {
            return java.util.Objects.requireNonNull(entryPoint);
        }

        /** The version of the EntryPoint at {@code address} (any case), or null when it is none of them. */
        public @Nullable EntryPointVersion entryPointVersion(String address) {
            return entryPoints.stream().filter(e -> e.address().equalsIgnoreCase(address)).map(EntryPoint::version)
                    .findFirst().orElse(null);
        }
    }

    /**
     * One EntryPoint of {@code contracts.entryPoints}: its address, its release and, where known, the keccak-256 of
     * its runtime code; {@code name} defaults to "EntryPoint v0.8" and so on.
     */
    public record EntryPoint(String address, EntryPointVersion version, @Nullable String codeHash, String name) {
        public EntryPoint {
            ConfigProblem.required("version", version);
            name = name == null || name.isBlank() ? "EntryPoint " + version.label() : name;
            new ContractRef(name, address, codeHash);
        }

        public EntryPoint(String address, EntryPointVersion version, @Nullable String codeHash) {
            this(address, version, codeHash, null);
        }

        /** As a contract of the stack, for the code checks. */
        public ContractRef ref() {
            return new ContractRef(name, address, codeHash);
        }

        private static List<EntryPoint> listed(@Nullable ContractRef single, @Nullable List<EntryPoint> given) {
            List<EntryPoint> all = new java.util.ArrayList<>(given == null ? List.of() : given);
            if (single != null && all.stream().noneMatch(e -> e.address().equalsIgnoreCase(single.address()))) {
                all.addFirst(new EntryPoint(single.address(), EntryPointVersion.V07, single.codeHash(), single.name()));
            }
            if (all.isEmpty()) {
                throw new ConfigProblem("entryPoints", "needs at least one EntryPoint: entryPoints (address and "
                        + "version each) or the single entryPoint (v0.7)");
            }
            for (int i = 0; i < all.size(); i++) {
                String address = all.get(i).address();
                if (all.subList(0, i).stream().anyMatch(e -> e.address().equalsIgnoreCase(address))) {
                    throw new ConfigProblem("entryPoints[" + i + "]", "lists EntryPoint " + address + " twice");
                }
            }
            return List.copyOf(all);
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

    /**
     * How the block follower follows this chain ({@code follow:} in the profile; every field optional).
     *
     * @param confirmations blocks behind the head the follower stays, so a reorg shallower than this never touches
     *        followed blocks; default {@value #DEFAULT_CONFIRMATIONS} (chain 138's IBFT 2.0 is final at once, but a
     *        load-balanced RPC can serve a head that is not yet everyone's); the devnet writes 0
     * @param maxBlockRange the most blocks one {@code eth_getLogs} call spans; default {@value #DEFAULT_MAX_BLOCK_RANGE},
     *        at most {@value #MAX_BLOCK_RANGE_CAP} (chain 138's public RPC cap); the follower halves it while the node
     *        refuses a range and grows it back after successes
     * @param startBlock the first block to follow when nothing was followed yet; default: the head at first start
     * @param pollInterval how often the follower asks for new blocks; default half the block time (1 s on chain 138),
     *        never faster than the scheduler's polling interval
     */
    public record Follow(@Nullable Integer confirmations, int maxBlockRange, @Nullable Long startBlock,
            @Nullable Duration pollInterval) {

        public static final int DEFAULT_CONFIRMATIONS = 2;
        public static final int DEFAULT_MAX_BLOCK_RANGE = 2_000;
        public static final int MAX_BLOCK_RANGE_CAP = 10_000;

        public Follow {
            confirmations = confirmations == null ? DEFAULT_CONFIRMATIONS : confirmations;
            if (confirmations < 0) {
                throw new ConfigProblem("confirmations", "must be 0 or more blocks");
            }
            if (maxBlockRange < 0 || maxBlockRange > MAX_BLOCK_RANGE_CAP) {
                throw new ConfigProblem("maxBlockRange", "must be between 1 and " + MAX_BLOCK_RANGE_CAP
                        + " blocks (chain 138's eth_getLogs cap), got " + maxBlockRange);
            }
            maxBlockRange = maxBlockRange == 0 ? DEFAULT_MAX_BLOCK_RANGE : maxBlockRange;
            if (startBlock != null && startBlock < 0) {
                throw new ConfigProblem("startBlock", "must be a block number, 0 or more");
            }
            if (pollInterval != null && (pollInterval.isNegative() || pollInterval.isZero())) {
                throw new ConfigProblem("pollInterval", "must be positive, e.g. 1s");
            }
        }

        static Follow defaults(Duration blockTime) {
            return new Follow(null, 0, null, null).withPollInterval(blockTime);
        }

        /** With the poll interval defaulted to half the block time. */
        Follow withPollInterval(Duration blockTime) {
            return pollInterval != null ? this : new Follow(confirmations, maxBlockRange, startBlock, blockTime.dividedBy(2));
        }
    }

    /**
     * The EIP-7702 watch ({@code accounts:} in the profile; every field optional). A delegated EOA's code is
     * {@code 0xef0100} followed by its delegate's address; pointing it at another contract hands that contract the
     * account's funds, so a served account whose delegate is not on {@code allowedDelegates} is a Critical incident.
     *
     * @param served the accounts the team serves, by address
     * @param allowedDelegates the delegate contracts a served account may point to; default MetaMask's
     *        EIP7702StatelessDeleGator implementation of delegation framework v1.3.0 ({@value #METAMASK_STATELESS_DELEGATOR})
     * @param discover also serve every sender of the EntryPoint's {@code UserOperationEvent}s the block follower sees
     *        (default true)
     */
    public record Accounts(List<String> served, List<String> allowedDelegates, @Nullable Boolean discover) {

        /** MetaMask's EIP7702StatelessDeleGatorImpl (delegation framework v1.3.0, the same address on every chain). */
        public static final String METAMASK_STATELESS_DELEGATOR = "0x63c0c19a282a1B52b07dD5a65b58948A07DAE32B";

        public Accounts {
            served = addresses("served", served);
            allowedDelegates = allowedDelegates == null ? List.of(METAMASK_STATELESS_DELEGATOR)
                    : addresses("allowedDelegates", allowedDelegates);
            discover = discover == null || discover;
        }

        /** Whether senders of the EntryPoint's events are served too. */
        public boolean discovers() {
            return Boolean.TRUE.equals(discover);
        }

        static Accounts defaults() {
            return new Accounts(null, null, null);
        }

        /** Whether {@code delegate} is on the allowlist (any case). */
        public boolean allows(String delegate) {
            return allowedDelegates.stream().anyMatch(delegate::equalsIgnoreCase);
        }

        static List<String> addresses(String field, @Nullable List<String> given) {
            if (given == null) {
                return List.of();
            }
            for (int i = 0; i < given.size(); i++) {
                String address = given.get(i);
                if (address == null || !ADDRESS.matcher(address).matches()) {
                    throw new ConfigProblem(field + "[" + i + "]", "must be a 0x-prefixed 20-byte hex address, got '"
                            + address + "'");
                }
            }
            return given.stream().map(a -> a.toLowerCase(java.util.Locale.ROOT)).distinct().toList();
        }
    }
}
