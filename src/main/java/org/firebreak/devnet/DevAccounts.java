package org.firebreak.devnet;

import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * anvil's funded dev accounts, derived locally from its public default mnemonic (BIP-44 m/44'/60'/0'/0/i), each
 * with the role it plays on the devnet. These keys are public knowledge: they only ever sign on the devnet.
 */
final class DevAccounts {

    private static final String ANVIL_MNEMONIC = "test test test test test test test test test test test junk";
    private static final Bip32ECKeyPair MASTER = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(ANVIL_MNEMONIC, ""));

    private DevAccounts() {
    }

    /** Deploys everything, owns the paymaster (so it can withdraw its deposit) and funds the guardian. */
    static Credentials deployer() {
        return account(0);
    }

    /** The VerifyingPaymaster's off-chain signer. */
    static Credentials sponsorSigner() {
        return account(1);
    }

    /** EOA delegators of the watched delegations: index 0, 1, 2 are dev accounts 2, 3, 4. */
    static Credentials delegator(int index) {
        return account(2 + index);
    }

    /** Owners of the smart accounts the factory creates: dev accounts 5, 6, 7. */
    static Credentials smartAccountOwner(int index) {
        return account(5 + index);
    }

    /** Sends the devnet's user-operation bundles ({@code EntryPoint.handleOps}) and is their beneficiary: dev account 8. */
    static Credentials bundler() {
        return account(8);
    }

    /** Who takes the DelegationManager over in the transfer-ownership drill: dev account 9. */
    static Credentials outsider() {
        return account(9);
    }

    /**
     * Owner of the smart accounts that send user operations: key 10 of the mnemonic, which anvil does not fund; it
     * only signs (the accounts pay from their EntryPoint deposits).
     */
    static Credentials userOperationSigner() {
        return account(10);
    }

    /** A signature as contracts take it: 65 bytes r ‖ s ‖ v, v 27 or 28 (OpenZeppelin ECDSA.recover). */
    static String rsv(Sign.SignatureData signature) {
        byte[] bytes = new byte[65];
        System.arraycopy(signature.getR(), 0, bytes, 0, 32);
        System.arraycopy(signature.getS(), 0, bytes, 32, 32);
        bytes[64] = signature.getV()[0];
        return Numeric.toHexString(bytes);
    }

    static Credentials account(int index) {
        int hardened = Bip32ECKeyPair.HARDENED_BIT;
        int[] path = { 44 | hardened, 60 | hardened, hardened, 0, index };
        return Credentials.create(Bip32ECKeyPair.deriveKeyPair(MASTER, path));
    }
}
