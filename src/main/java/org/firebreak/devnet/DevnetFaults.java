package org.firebreak.devnet;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.firebreak.chain.ChainProfile;
import org.firebreak.chain.ChainProfile.WatchedDelegation;
import org.firebreak.chain.EntryPointVersion;
import org.jspecify.annotations.Nullable;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Injects the devnet's faults through anvil's own RPC methods, real transactions, user operations and the sidecar,
 * and clears them. A fault that sets a state is idempotent: asked twice, the second call reports that nothing changed;
 * fail-userops and high-gas-userop send new operations each time (events: nothing to clear).
 */
public final class DevnetFaults implements AutoCloseable {

    /** A runtime that reverts every call (PUSH1 0 PUSH1 0 REVERT): code present, hash wrong, nothing works. */
    static final String REVERTING_CODE = "0x60006000fd";
    static final BigInteger SPIKED_BASE_FEE = BigInteger.valueOf(1_000_000_000_000L);
    static final BigInteger NORMAL_BASE_FEE = BigInteger.valueOf(1_000_000_000L);
    /** One more than the operators' "more than 10 failures in 5 minutes" rule allows. */
    public static final int FAILING_USEROPS = 11;
    /** What the primary endpoint claims under wrong-chain-id: Ethereum mainnet, an endpoint pointed at the wrong network. */
    static final long WRONG_CHAIN_ID = 1;

    private final DevnetState state;
    private final ChainProfile profile;
    private final DevnetChain chain;
    private final SidecarControl sidecar;
    private final DelegationManagerOwnership ownership;
    private @Nullable UserOperations userOperations;

    DevnetFaults(DevnetState state, ChainProfile profile) {
        this.state = state;
        this.profile = profile;
        this.chain = new DevnetChain(state.anvilUrl());
        this.sidecar = new SidecarControl(state.proxyPort());
        this.ownership = new DelegationManagerOwnership(chain, state.stack().delegationManager(),
                java.util.Objects.requireNonNull(profile.guardian(), "the devnet profile has a guardian").address(), this::guardian);
    }

    /** Injects {@code fault} and says what it did. */
    public FaultReport inject(Fault fault) {
        DeployedStack stack = state.stack();
        if (EnumSet.of(Fault.PAUSE_DELEGATION_MANAGER, Fault.DRAIN_PAYMASTER, Fault.DISABLE_DELEGATION, Fault.FAIL_USEROPS,
                Fault.HIGH_GAS_USEROP, Fault.EXPIRE_DELEGATION_SOON, Fault.TRANSFER_OWNERSHIP, Fault.DRAIN_DELEGATED_ACCOUNT,
                Fault.STAGE_CONTRACT)
                .contains(fault)) {
            chain.requireBlocks(fault.id());
        }
        return switch (fault) {
            case PAUSE_DELEGATION_MANAGER -> pause();
            case REMOVE_ENTRYPOINT_CODE -> setCode(fault, "EntryPoint", stack.entryPoint(), "0x");
            case REPLACE_ENTRYPOINT_CODE -> setCode(fault, "EntryPoint", stack.entryPoint(), REVERTING_CODE);
            case REMOVE_FACTORY_CODE -> setCode(fault, "account factory", stack.accountFactory(), "0x");
            case STOP_BLOCKS -> stopBlocks();
            case SPIKE_BASE_FEE -> spikeBaseFee();
            case DRAIN_PAYMASTER -> drainPaymaster();
            case DISABLE_DELEGATION -> disableDelegation(profile.delegations().getFirst());
            case RPC_FAIL, RPC_SLOW -> rpcMode(fault);
            case FAIL_USEROPS -> failUserOperations(FAILING_USEROPS);
            case HIGH_GAS_USEROP -> highGasUserOperation();
            case EXPIRE_DELEGATION_SOON -> new ExpiryWarp(chain, profile, stack.timestampEnforcer()).warp();
            case TRANSFER_OWNERSHIP -> ownership.transfer();
            case WRONG_CHAIN_ID -> wrongChainId();
            case LIMIT_LOG_RANGE -> limitLogRange();
            case DRAIN_DELEGATED_ACCOUNT -> delegatedAccount().drain();
            case STAGE_CONTRACT -> new StagedContract(chain).deploy(fault.id(), "EntryPoint", stack.entryPoint());
        };
    }

    /** The staging detector's control: dev account 9 deploys a contract whose code embeds no address at all. */
    public FaultReport deployUnrelatedContract() {
        chain.requireBlocks(Fault.STAGE_CONTRACT.id());
        return new StagedContract(chain).deploy("deploy-unrelated-contract", null, null);
    }

    /** Dev account 9, the drills' outsider: transfer-ownership hands it the DelegationManager, stage-contract deploys from it. */
    public String outsider() {
        return DevAccounts.outsider().getAddress().toLowerCase(java.util.Locale.ROOT);
    }

    private DelegatedAccount delegatedAccount() {
        if (state.stack().eip7702DeleGator() == null) {
            throw new DevnetFailure("this devnet has no EIP-7702 account (started by an older Firebreak): start a new one");
        }
        return new DelegatedAccount(chain, state.stack().eip7702DeleGator());
    }

    /** fail-userops with another count than {@value #FAILING_USEROPS}: that many failing user operations, bundled. */
    public FaultReport failUserOperations(int count) {
        if (count < 1) {
            throw new DevnetFailure(Fault.FAIL_USEROPS.id() + " needs a count of at least 1, got " + count);
        }
        chain.requireBlocks(Fault.FAIL_USEROPS.id());
        SentOperations sent = userOperations().send(userOperations().account(), 0, count, 0);
        long failed = sent.operations().stream().filter(op -> !op.success()).count();
        List<String> reasons = sent.operations().stream().map(op -> String.valueOf(op.revertReason())).distinct().toList();
        List<SentBundle> earlier = sent.bundles().subList(0, sent.bundles().size() - 1);
        return new FaultReport(Fault.FAIL_USEROPS.id(), true, failed + " of " + count + " user operations from "
                + sent.account().address() + " failed (revert " + String.join(", ", reasons) + ") in " + sent.bundles().size()
                + " bundle(s) at block(s) " + String.join(", ", sent.bundles().stream().map(b -> b.blockNumber().toString()).toList())
                + (earlier.isEmpty() ? "" : "; earlier bundles " + String.join(", ", earlier.stream().map(SentBundle::txHash).toList())),
                sent.bundles().getLast().txHash());
    }

    private FaultReport highGasUserOperation() {
        SentOperations sent = userOperations().sendHighGas(1);
        SentBundle bundle = sent.bundles().getFirst();
        SentBundle.Operation op = bundle.operations().getFirst();
        return new FaultReport(Fault.HIGH_GAS_USEROP.id(), true, "user operation " + op.userOpHash() + " from "
                + op.sender() + " used " + op.actualGasUsed() + " gas at block " + bundle.blockNumber(), bundle.txHash());
    }

    private UserOperations userOperations() {
        if (userOperations == null) {
            userOperations = new UserOperations(state, profile, state.stack().entryPoint(EntryPointVersion.V07));
        }
        return userOperations;
    }

    private FaultReport wrongChainId() {
        boolean changed = !sidecar.status().contains("chain-id=" + WRONG_CHAIN_ID);
        sidecar.chainId(Long.toString(WRONG_CHAIN_ID));
        return new FaultReport(Fault.WRONG_CHAIN_ID.id(), changed, "primary endpoint " + state.proxyUrl()
                + " now answers eth_chainId " + "0x" + Long.toHexString(WRONG_CHAIN_ID) + " and net_version " + WRONG_CHAIN_ID
                + " (chain " + DevnetChain.CHAIN_ID + " underneath)", null);
    }

    /**
     * Undoes every fault that is in effect, blocks first (the repairs are transactions that need blocks), ownership
     * before the pause (only the owner unpauses). Chain time stays where expire-delegation-soon moved it.
     */
    public List<FaultReport> clear() {
        List<FaultReport> done = new ArrayList<>();
        if (!sidecar.status().contains("rpc-mode=pass")) {
            done.add(new FaultReport("rpc", true, "proxy back to pass-through: " + sidecar.rpcMode("pass"), null));
        }
        if (!sidecar.status().contains("chain-id=pass")) {
            done.add(new FaultReport(Fault.WRONG_CHAIN_ID.id(), true, "proxy reports anvil's chain id again: "
                    + sidecar.chainId("pass"), null));
        }
        if (!sidecar.status().contains("log-range=any")) {
            done.add(new FaultReport(Fault.LIMIT_LOG_RANGE.id(), true, "proxy lets any eth_getLogs range through: "
                    + sidecar.logRangeLimit(0), null));
        }
        if (!Boolean.TRUE.equals(chain.anvil("anvil_getAutomine")) || sidecar.status().contains("blocks=stop")) {
            chain.anvil("evm_setAutomine", true);
            sidecar.blocks("run");
            done.add(new FaultReport("stop-blocks", true, "block production restarted at block " + chain.blockNumber(), null));
        }
        if (chain.latestBlock().getBaseFeePerGas().compareTo(NORMAL_BASE_FEE) > 0) {
            chain.anvil("anvil_setNextBlockBaseFeePerGas", Numeric.encodeQuantity(NORMAL_BASE_FEE));
            chain.anvil("evm_mine");
            done.add(new FaultReport("spike-base-fee", true, "base fee back to 1 gwei at block " + chain.blockNumber(), null));
        }
        restoreCode(done, "EntryPoint", state.stack().entryPoint(), profile.contracts().entryPoint().codeHash());
        restoreCode(done, "account factory", state.stack().accountFactory(), profile.contracts().accountFactory().codeHash());
        ownership.restore(done);
        unpause(done);
        profile.delegations().forEach(d -> enableDelegation(done, d));
        redeposit(done);
        if (state.stack().eip7702DeleGator() != null) {
            delegatedAccount().restore(done);
        }
        if (done.isEmpty()) {
            done.add(new FaultReport("clear", false, "no fault in effect", null));
        }
        return List.copyOf(done);
    }

    private FaultReport pause() {
        String manager = state.stack().delegationManager();
        if (paused()) {
            return new FaultReport(Fault.PAUSE_DELEGATION_MANAGER.id(), false, "DelegationManager " + manager + " is already paused", null);
        }
        TransactionReceipt receipt = chain.send(guardian(), manager, StackFunctions.noArgs("pause"));
        return new FaultReport(Fault.PAUSE_DELEGATION_MANAGER.id(), true,
                "DelegationManager " + manager + " paused by the guardian at block " + receipt.getBlockNumber(),
                receipt.getTransactionHash());
    }

    private void unpause(List<FaultReport> done) {
        if (paused()) {
            TransactionReceipt receipt = chain.send(guardian(), state.stack().delegationManager(), StackFunctions.noArgs("unpause"));
            done.add(new FaultReport(Fault.PAUSE_DELEGATION_MANAGER.id(), true, "DelegationManager unpaused by the guardian",
                    receipt.getTransactionHash()));
        }
    }

    private boolean paused() {
        return (Boolean) chain.callValue(state.stack().delegationManager(), StackFunctions.paused());
    }

    private FaultReport setCode(Fault fault, String what, String address, String code) {
        if (chain.code(address).equalsIgnoreCase(code)) {
            return new FaultReport(fault.id(), false, what + " " + address + " already has that code", null);
        }
        chain.anvil("anvil_setCode", address, code);
        return new FaultReport(fault.id(), true, what + " " + address + (code.equals("0x") ? " has no code now"
                : " now runs code that always reverts (code hash " + chain.codeHash(address) + ")"), null);
    }

    private void restoreCode(List<FaultReport> done, String what, String address, @Nullable String codeHash) {
        if (!chain.codeHash(address).equalsIgnoreCase(String.valueOf(codeHash))) {
            chain.anvil("anvil_setCode", address, state.originalCode().get(address));
            done.add(new FaultReport("code", true, what + " " + address + " has its deployed code again", null));
        }
    }

    private FaultReport stopBlocks() {
        sidecar.blocks("stop");
        chain.anvil("evm_setAutomine", false);
        return new FaultReport(Fault.STOP_BLOCKS.id(), true, "no more blocks after block " + chain.blockNumber()
                + " (transactions stay pending)", null);
    }

    private FaultReport spikeBaseFee() {
        chain.anvil("anvil_setNextBlockBaseFeePerGas", Numeric.encodeQuantity(SPIKED_BASE_FEE));
        chain.anvil("evm_mine");
        return new FaultReport(Fault.SPIKE_BASE_FEE.id(), true, "block " + chain.blockNumber() + " has a base fee of "
                + chain.latestBlock().getBaseFeePerGas() + " wei (1000 gwei)", null);
    }

    private FaultReport drainPaymaster() {
        BigInteger deposit = deposit();
        String paymaster = state.stack().paymaster();
        if (deposit.signum() == 0) {
            return new FaultReport(Fault.DRAIN_PAYMASTER.id(), false, "paymaster " + paymaster + " has no deposit left", null);
        }
        Credentials owner = DevAccounts.deployer();
        TransactionReceipt receipt = chain.send(owner, paymaster, StackFunctions.uint("withdrawTo", owner.getAddress(), deposit));
        return new FaultReport(Fault.DRAIN_PAYMASTER.id(), true, "paymaster " + paymaster + " deposit withdrawn: "
                + deposit + " wei -> " + deposit() + " wei", receipt.getTransactionHash());
    }

    private void redeposit(List<FaultReport> done) {
        BigInteger missing = state.stack().paymasterDeposit().subtract(deposit());
        if (missing.signum() > 0) {
            TransactionReceipt receipt = chain.send(DevAccounts.deployer(), state.stack().entryPoint(),
                    FunctionEncoder.encode(Deployment.depositTo(state.stack().paymaster())), missing);
            done.add(new FaultReport(Fault.DRAIN_PAYMASTER.id(), true, "paymaster deposit back to " + deposit() + " wei",
                    receipt.getTransactionHash()));
        }
    }

    /** The paymaster's deposit on the EntryPoint, in wei. */
    BigInteger deposit() {
        return (BigInteger) chain.callValue(state.stack().entryPoint(), StackFunctions.addressArg("balanceOf",
                state.stack().paymaster(), new TypeReference<Uint256>() { }));
    }

    private FaultReport disableDelegation(WatchedDelegation delegation) {
        if (disabled(delegation)) {
            return new FaultReport(Fault.DISABLE_DELEGATION.id(), false, "delegation " + delegation.name() + " is already disabled", null);
        }
        TransactionReceipt receipt = chain.send(delegatorOf(delegation), state.stack().delegationManager(),
                StackFunctions.disableDelegation(delegation));
        return new FaultReport(Fault.DISABLE_DELEGATION.id(), true, "delegation " + delegation.name() + " ("
                + delegationHash(delegation) + ") disabled by its delegator " + delegation.delegator(), receipt.getTransactionHash());
    }

    private void enableDelegation(List<FaultReport> done, WatchedDelegation delegation) {
        if (disabled(delegation)) {
            TransactionReceipt receipt = chain.send(delegatorOf(delegation), state.stack().delegationManager(),
                    StackFunctions.enableDelegation(delegation));
            done.add(new FaultReport(Fault.DISABLE_DELEGATION.id(), true, "delegation " + delegation.name() + " enabled again",
                    receipt.getTransactionHash()));
        }
    }

    private boolean disabled(WatchedDelegation delegation) {
        byte[] hash = DelegationTypedData.of(delegation, DevnetChain.CHAIN_ID, state.stack().delegationManager()).delegationHash();
        return (Boolean) chain.callValue(state.stack().delegationManager(), StackFunctions.disabledDelegations(hash));
    }

    /** The delegation's hash, as {@code DelegationManager.getDelegationHash} computes it. */
    public String delegationHash(WatchedDelegation delegation) {
        return Numeric.toHexString(DelegationTypedData.of(delegation, DevnetChain.CHAIN_ID,
                state.stack().delegationManager()).delegationHash());
    }

    private static Credentials delegatorOf(WatchedDelegation delegation) {
        for (int i = 0; i < 3; i++) {
            if (DevAccounts.delegator(i).getAddress().equalsIgnoreCase(delegation.delegator())) {
                return DevAccounts.delegator(i);
            }
        }
        throw new DevnetFailure("delegation " + delegation.name() + "'s delegator " + delegation.delegator()
                + " is not a devnet account");
    }

    private FaultReport rpcMode(Fault fault) {
        String mode = fault == Fault.RPC_FAIL ? "fail" : "slow";
        boolean changed = !sidecar.status().contains("rpc-mode=" + mode);
        sidecar.rpcMode(mode);
        return new FaultReport(fault.id(), changed, "primary endpoint " + state.proxyUrl() + " is now in mode " + mode, null);
    }

    private FaultReport limitLogRange() {
        boolean changed = !sidecar.status().contains("log-range=" + Sidecar.LOG_RANGE_LIMIT);
        sidecar.logRangeLimit(Sidecar.LOG_RANGE_LIMIT);
        return new FaultReport(Fault.LIMIT_LOG_RANGE.id(), changed, "primary endpoint " + state.proxyUrl()
                + " refuses eth_getLogs over more than " + Sidecar.LOG_RANGE_LIMIT + " blocks", null);
    }

    private Credentials guardian() {
        return GuardianKey.load(java.util.Objects.requireNonNull(profile.guardian(), "the devnet profile has a guardian"));
    }

    @Override
    public void close() {
        if (userOperations != null) {
            userOperations.close();
        }
        chain.close();
    }
}
