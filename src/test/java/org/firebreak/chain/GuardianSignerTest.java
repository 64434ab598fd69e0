package org.firebreak.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;

import org.firebreak.chain.ChainProfile.Guardian;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.WalletUtils;
import org.web3j.crypto.transaction.type.Transaction1559;

/** The guardian's key opens only for an action, and no failure ever says what the key or the password is. */
class GuardianSignerTest {

    private static final String PASSWORD = "drill-password-7f3a9c";

    @TempDir
    Path dir;

    private final GuardianSigner signer = new GuardianSigner();
    private ECKeyPair key;
    private Guardian guardian;

    @BeforeEach
    void createKeystore() throws Exception {
        key = Keys.createEcKeyPair();
        guardian = keystore(key, PASSWORD, "guardian");
    }

    private Guardian keystore(ECKeyPair pair, String password, String name) throws Exception {
        Path sub = Files.createDirectories(dir.resolve(name));
        String file = WalletUtils.generateWalletFile(password, pair, sub.toFile(), false);
        Path passwordFile = sub.resolve("password");
        Files.writeString(passwordFile, password + "\n");
        return new Guardian(Credentials.create(pair).getAddress(), sub.resolve(file), passwordFile);
    }

    private String keyHex() {
        return key.getPrivateKey().toString(16);
    }

    private void assertNoSecretIn(String text) {
        assertThat(text).doesNotContain(keyHex()).doesNotContain(PASSWORD);
    }

    @Test
    void theSessionSignsForTheChainAsTheGuardianAndSaysNothingElse() throws Exception {
        RawTransaction tx = RawTransaction.createTransaction(138, BigInteger.ZERO, BigInteger.valueOf(60_000),
                "0x" + "1".repeat(40), BigInteger.ZERO, "0x8456cb59", BigInteger.ONE, BigInteger.TWO);
        try (GuardianSigner.Session session = signer.open(guardian)) {
            String signed = session.sign(tx, 138);

            SignedRawTransaction decoded = (SignedRawTransaction) TransactionDecoder.decode(signed);
            assertThat(decoded.getFrom()).isEqualToIgnoringCase(guardian.address());
            assertThat(((Transaction1559) decoded.getTransaction()).getChainId()).isEqualTo(138);
            assertNoSecretIn(session.toString());
            assertNoSecretIn(signed);
        }
    }

    @Test
    void aClosedSessionNoLongerSigns() throws Exception {
        GuardianSigner.Session session = signer.open(guardian);
        session.close();
        RawTransaction tx = RawTransaction.createTransaction(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE,
                "0x" + "1".repeat(40), BigInteger.ZERO, "0x");

        assertThatThrownBy(() -> session.sign(tx, 138)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the guardian session of " + guardian.address() + " is closed");
        assertThat(session.toString()).isEqualTo("guardian " + guardian.address() + " (closed)");
    }

    @Test
    void noGuardianConfiguredSaysWhichFieldsAreMissing() {
        assertThatThrownBy(() -> signer.open(null)).isInstanceOf(GuardianUnavailable.class)
                .hasMessage("no guardian is configured in the chain profile (guardian: address, keystore, passwordFile)");
    }

    @Test
    void aMissingKeystoreIsNamed() {
        Guardian missing = new Guardian(guardian.address(), dir.resolve("nowhere.json"), guardian.passwordFile());
        assertThatThrownBy(() -> signer.open(missing)).isInstanceOf(GuardianUnavailable.class)
                .hasMessage("the guardian keystore " + dir.resolve("nowhere.json") + " does not exist or is not readable");
    }

    @Test
    void aMissingPasswordFileIsNamed() {
        Guardian missing = new Guardian(guardian.address(), guardian.keystore(), dir.resolve("no-password"));
        assertThatThrownBy(() -> signer.open(missing)).isInstanceOf(GuardianUnavailable.class)
                .hasMessage("the guardian password file " + dir.resolve("no-password") + " does not exist or is not readable");
    }

    @Test
    void aWrongPasswordIsReportedWithoutEitherPassword() throws Exception {
        Path wrong = dir.resolve("wrong-password");
        Files.writeString(wrong, "not-" + PASSWORD);
        Guardian misconfigured = new Guardian(guardian.address(), guardian.keystore(), wrong);

        assertThatThrownBy(() -> signer.open(misconfigured)).isInstanceOf(GuardianUnavailable.class)
                .hasMessage("the password in " + wrong + " does not open the guardian keystore " + guardian.keystore())
                .hasNoCause()
                .satisfies(e -> assertNoSecretIn(e.getMessage()));
    }

    @Test
    void aFileThatIsNotAKeystoreIsNotQuoted() throws Exception {
        Path garbage = dir.resolve("garbage.json");
        Files.writeString(garbage, "{\"secret\": \"" + keyHex() + "\", oops");
        Guardian misconfigured = new Guardian(guardian.address(), garbage, guardian.passwordFile());

        assertThatThrownBy(() -> signer.open(misconfigured)).isInstanceOf(GuardianUnavailable.class)
                .hasMessageStartingWith("the guardian keystore " + garbage + " is not a Web3 Secret Storage (v3) JSON")
                .hasNoCause()
                .satisfies(e -> assertNoSecretIn(e.getMessage()));
    }

    @Test
    void aKeystoreOfAnotherKeyIsRefusedNamingBothAddresses() throws Exception {
        ECKeyPair other = Keys.createEcKeyPair();
        Guardian otherKeystore = keystore(other, PASSWORD, "other");
        Guardian misconfigured = new Guardian(guardian.address(), otherKeystore.keystore(), otherKeystore.passwordFile());

        assertThatThrownBy(() -> signer.open(misconfigured)).isInstanceOf(GuardianUnavailable.class)
                .hasMessage("the guardian keystore " + otherKeystore.keystore() + " holds the key of "
                        + otherKeystore.address() + ", not of the guardian " + guardian.address() + " the profile names");
    }
}
