package org.firebreak.chain;

import java.util.Locale;
import java.util.Optional;

/**
 * EIP-7702's delegation designator: the code of a delegated EOA is {@code 0xef0100} followed by the 20-byte address
 * of the contract whose code it runs. {@code 0xef} starts no deployable contract (EIP-3541), so the prefix cannot be
 * mistaken for a contract's own code.
 */
final class DelegationDesignator {

    static final String PREFIX = "0xef0100";
    private static final int LENGTH = PREFIX.length() + 40;

    private DelegationDesignator() {
    }

    /** What an account's code says it is: a plain EOA, an EOA delegated to a contract, or a contract. */
    enum Kind {
        EOA, DELEGATED, CONTRACT
    }

    /** The delegate's address, 0x and lowercase, when {@code code} is a delegation designator. */
    static Optional<String> delegate(String code) {
        String lower = code == null ? "" : code.toLowerCase(Locale.ROOT);
        return lower.length() == LENGTH && lower.startsWith(PREFIX) ? Optional.of("0x" + lower.substring(PREFIX.length()))
                : Optional.empty();
    }

    static Kind kind(String code) {
        if (!ChainDiagnostic.hasCode(code)) {
            return Kind.EOA;
        }
        return delegate(code).isPresent() ? Kind.DELEGATED : Kind.CONTRACT;
    }
}
