package org.firebreak.chain;

import java.nio.file.Path;

/**
 * The guardian cannot sign: why, in words a responder can act on. Built only from the profile's configuration
 * (paths, addresses), never from what was read, so neither the key nor the password can reach a message; it
 * carries no cause for the same reason.
 */
class GuardianUnavailable extends Exception {

    private GuardianUnavailable(String message) {
        super(message, null, false, false);
    }

    static GuardianUnavailable notConfigured() {
        return new GuardianUnavailable("no guardian is configured in the chain profile (guardian: address, keystore, "
                + "passwordFile)");
    }

    static GuardianUnavailable keystoreMissing(Path keystore) {
        return new GuardianUnavailable("the guardian keystore " + keystore + " does not exist or is not readable");
    }

    static GuardianUnavailable passwordFileMissing(Path passwordFile) {
        return new GuardianUnavailable("the guardian password file " + passwordFile + " does not exist or is not readable");
    }

    static GuardianUnavailable wrongPassword(Path keystore, Path passwordFile) {
        return new GuardianUnavailable("the password in " + passwordFile + " does not open the guardian keystore "
                + keystore);
    }

    static GuardianUnavailable notAKeystore(Path keystore) {
        return new GuardianUnavailable("the guardian keystore " + keystore + " is not a Web3 Secret Storage (v3) JSON "
                + "keystore web3j can open (scrypt or pbkdf2, aes-128-ctr)");
    }

    static GuardianUnavailable otherKey(Path keystore, String holds, String configured) {
        return new GuardianUnavailable("the guardian keystore " + keystore + " holds the key of " + holds
                + ", not of the guardian " + configured + " the profile names");
    }
}
