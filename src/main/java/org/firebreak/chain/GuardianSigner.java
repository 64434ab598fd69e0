package org.firebreak.chain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.firebreak.chain.ChainProfile.Guardian;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.WalletUtils;
import org.web3j.crypto.exception.CipherException;
import org.web3j.utils.Numeric;

/**
 * Opens the guardian's encrypted keystore for one action. The key is decrypted on demand (never at start-up), held
 * only by the {@link Session} that the action closes when it is done, and never turned into text: every failure is
 * described from the configuration (paths, addresses), not from what was read.
 */
@Component
class GuardianSigner {

    /** Decrypts the guardian's key; the caller closes the session as soon as its transactions are signed. */
    Session open(@Nullable Guardian guardian) throws GuardianUnavailable {
        if (guardian == null) {
            throw GuardianUnavailable.notConfigured();
        }
        if (!Files.isRegularFile(guardian.keystore()) || !Files.isReadable(guardian.keystore())) {
            throw GuardianUnavailable.keystoreMissing(guardian.keystore());
        }
        Credentials credentials = decrypt(guardian, password(guardian.passwordFile()));
        if (!credentials.getAddress().equalsIgnoreCase(guardian.address())) {
            throw GuardianUnavailable.otherKey(guardian.keystore(), credentials.getAddress(), guardian.address());
        }
        return new Session(guardian.address(), credentials);
    }

    private static String password(Path file) throws GuardianUnavailable {
        try {
            // A trailing newline is an editor's, not part of the password (echo secret > file).
            return Files.readString(file).strip();
        } catch (IOException | RuntimeException e) {
            throw GuardianUnavailable.passwordFileMissing(file);
        }
    }

    private static Credentials decrypt(Guardian guardian, String password) throws GuardianUnavailable {
        try {
            return WalletUtils.loadCredentials(password, guardian.keystore().toFile());
        } catch (CipherException e) {
            // web3j says "Invalid password provided" when the MAC does not match; anything else is the format.
            if (String.valueOf(e.getMessage()).contains("Invalid password")) {
                throw GuardianUnavailable.wrongPassword(guardian.keystore(), guardian.passwordFile());
            }
            throw GuardianUnavailable.notAKeystore(guardian.keystore());
        } catch (IOException | RuntimeException e) {
            // Parser messages may quote the file: say only that it is not a keystore.
            throw GuardianUnavailable.notAKeystore(guardian.keystore());
        }
    }

    /**
     * The guardian's key for the length of one action. It signs and says whose it is, nothing else; closing it
     * drops the key (the JVM cannot wipe a BigInteger, so the reference is all there is to drop).
     */
    static final class Session implements AutoCloseable {

        private final String address;
        private @Nullable Credentials credentials;

        private Session(String address, Credentials credentials) {
            this.address = address;
            this.credentials = credentials;
        }

        String address() {
            return address;
        }

        /** The transaction signed for the chain, as eth_sendRawTransaction takes it. */
        String sign(RawTransaction transaction, long chainId) {
            Credentials key = credentials;
            if (key == null) {
                throw new IllegalStateException("the guardian session of " + address + " is closed");
            }
            return Numeric.toHexString(TransactionEncoder.signMessage(transaction, chainId, key));
        }

        @Override
        public void close() {
            credentials = null;
        }

        @Override
        public String toString() {
            return "guardian " + address + (credentials == null ? " (closed)" : "");
        }
    }
}
