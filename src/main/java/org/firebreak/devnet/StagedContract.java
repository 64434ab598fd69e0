package org.firebreak.devnet;

import java.math.BigInteger;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The deploy-staged-contract drill: dev account 9 deploys a contract whose runtime code embeds one of the stack's
 * addresses, as an exploit being staged does. No compiler: the bytecode is assembled here. The runtime is
 * {@code PUSH20 <address> PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN} (it returns the address it targets); the init code
 * copies that runtime into memory and returns it. With no address the runtime returns 42 instead and embeds nothing.
 */
final class StagedContract {

    /** PUSH1 len PUSH1 12 PUSH1 0 CODECOPY PUSH1 len PUSH1 0 RETURN: 12 bytes, the runtime follows at offset 12. */
    private static final String INIT = "60%02x600c600039" + "60%02x6000f3";
    private static final String RETURN_WORD = "60005260206000f3";

    private final DevnetChain chain;
    private final Credentials stager = DevAccounts.outsider();

    StagedContract(DevnetChain chain) {
        this.chain = chain;
    }

    /** The runtime code: returns {@code embedded} (20 bytes) or, when null, the number 42. */
    static String runtime(@Nullable String embedded) {
        return embedded == null ? "602a" + RETURN_WORD
                : "73" + Numeric.cleanHexPrefix(embedded).toLowerCase(Locale.ROOT) + RETURN_WORD;
    }

    /** The creation code: the 12-byte loader, then the runtime it returns. */
    static String creationCode(@Nullable String embedded) {
        String runtime = runtime(embedded);
        int length = runtime.length() / 2;
        return "0x" + String.format(INIT, length, length) + runtime;
    }

    /** Deploys one, embedding {@code role}'s {@code address} (or nothing when null), and says where and by whom. */
    FaultReport deploy(String id, @Nullable String role, @Nullable String address) {
        TransactionReceipt receipt = chain.send(stager, null, creationCode(address), BigInteger.ZERO);
        String contract = receipt.getContractAddress();
        if (contract == null || chain.code(contract).length() <= 2) {
            throw new DevnetFailure("deploying the staged contract created no code (tx " + receipt.getTransactionHash() + ")");
        }
        return new FaultReport(id, true, "contract " + contract.toLowerCase(Locale.ROOT) + " deployed by "
                + stager.getAddress() + " at block " + receipt.getBlockNumber() + (address == null ? " embeds no address"
                        : " embeds the " + role + "'s address " + address.toLowerCase(Locale.ROOT)),
                receipt.getTransactionHash());
    }
}
