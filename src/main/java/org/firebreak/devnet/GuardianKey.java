package org.firebreak.devnet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.firebreak.chain.ChainProfile.Guardian;
import org.web3j.crypto.exception.CipherException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.WalletUtils;

/**
 * The guardian: a fresh key per devnet, kept only as an encrypted JSON keystore (light scrypt, so loading it is
 * quick) beside a random password in a file only its owner can read. The key never leaves these two files.
 */
final class GuardianKey {

    private GuardianKey() {
    }

    static Guardian create(Path devnetDir) {
        try {
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            Path passwordFile = devnetDir.resolve("guardian.password");
            Files.deleteIfExists(passwordFile);
            Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passwordFile, password);
            var keyPair = Keys.createEcKeyPair();
            String fileName = WalletUtils.generateWalletFile(password, keyPair, devnetDir.toFile(), false);
            Path keystore = devnetDir.resolve("guardian-keystore.json");
            Files.move(devnetDir.resolve(fileName), keystore, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(keystore, PosixFilePermissions.fromString("rw-------"));
            return new Guardian(Credentials.create(keyPair).getAddress(), keystore, passwordFile);
        } catch (IOException | GeneralSecurityException | CipherException e) {
            throw new DevnetFailure("cannot create the guardian keystore in " + devnetDir + ": " + e.getMessage(), e);
        }
    }

    static Credentials load(Guardian guardian) {
        try {
            return WalletUtils.loadCredentials(Files.readString(guardian.passwordFile()).strip(), guardian.keystore().toFile());
        } catch (IOException | CipherException e) {
            throw new DevnetFailure("cannot open the guardian keystore " + guardian.keystore() + ": " + e.getMessage(), e);
        }
    }
}
