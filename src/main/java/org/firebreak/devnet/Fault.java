package org.firebreak.devnet;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The failures the devnet can inject for drills and tests; {@code devnet fault clear} undoes them all. */
public enum Fault {
    PAUSE_DELEGATION_MANAGER("pause-delegation-manager", "pause() the DelegationManager (a real tx from the guardian)"),
    REMOVE_ENTRYPOINT_CODE("remove-entrypoint-code", "delete the EntryPoint's code (anvil_setCode)"),
    REPLACE_ENTRYPOINT_CODE("replace-entrypoint-code", "replace the EntryPoint's code with code that always reverts"),
    REMOVE_FACTORY_CODE("remove-factory-code", "delete the account factory's code"),
    STOP_BLOCKS("stop-blocks", "stop block production (block clock and automine off)"),
    SPIKE_BASE_FEE("spike-base-fee", "mine a block with a 1000 gwei base fee (it decays 12.5% per empty block)"),
    DRAIN_PAYMASTER("drain-paymaster", "withdraw the paymaster's whole EntryPoint deposit (a real tx from its owner)"),
    DISABLE_DELEGATION("disable-delegation", "disable the first watched delegation (a real tx from its delegator)"),
    RPC_FAIL("rpc-fail", "make the primary RPC endpoint (the proxy) answer HTTP 503"),
    RPC_SLOW("rpc-slow", "make the primary RPC endpoint answer " + Sidecar.SLOW_DELAY.toMillis() + " ms late"),
    FAIL_USEROPS("fail-userops", "send " + DevnetFaults.FAILING_USEROPS + " user operations (--count for another number) whose "
            + "calls revert through EntryPoint.handleOps; events, so nothing to clear"),
    HIGH_GAS_USEROP("high-gas-userop", "send one user operation that uses over 500,000 gas; an event, so nothing to clear"),
    EXPIRE_DELEGATION_SOON("expire-delegation-soon", "move chain time forward until a watched delegation expires in "
            + ExpiryWarp.LEFT.toDays() + " days (clear cannot turn chain time back)"),
    TRANSFER_OWNERSHIP("transfer-ownership", "hand the DelegationManager's ownership from the guardian to another dev "
            + "account, which accepts it (Ownable2Step)"),
    WRONG_CHAIN_ID("wrong-chain-id", "make the primary RPC endpoint answer eth_chainId and net_version with chain "
            + DevnetFaults.WRONG_CHAIN_ID),
    LIMIT_LOG_RANGE("limit-log-range", "make the primary RPC endpoint refuse eth_getLogs over more than "
            + Sidecar.LOG_RANGE_LIMIT + " blocks, as public providers do"),
    DRAIN_DELEGATED_ACCOUNT("drain-delegated-account", "re-delegate the served EIP-7702 account from the DeleGator to a "
            + "sweeper contract that sends its balance to another dev account (a type-4 transaction)"),
    STAGE_CONTRACT("stage-contract", "deploy a contract whose runtime code embeds the EntryPoint's address, as an exploit "
            + "being staged does (from dev account 9; a deployment, so nothing to clear)");

    private final String id;
    private final String description;

    Fault(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The name on the command line, e.g. {@code stop-blocks}. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public static Fault of(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst()
                .orElseThrow(() -> new DevnetFailure("unknown fault '" + id + "'; known: clear, "
                        + Arrays.stream(values()).map(Fault::id).collect(Collectors.joining(", "))));
    }
}
