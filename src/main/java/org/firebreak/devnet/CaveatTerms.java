package org.firebreak.devnet;

import java.math.BigInteger;

import org.web3j.utils.Numeric;

/** Caveat terms in the enforcers' layouts (see the on-chain reference); time windows are chain.CaveatTerms. */
final class CaveatTerms {

    private CaveatTerms() {
    }

    /** LimitedCallsEnforcer: {@code uint256 limit}. */
    static String limit(long calls) {
        return "0x" + Numeric.toHexStringNoPrefixZeroPadded(BigInteger.valueOf(calls), 64);
    }

    /** AllowedTargetsEnforcer: the allowed addresses packed, 20 bytes each. */
    static String targets(String... addresses) {
        StringBuilder terms = new StringBuilder("0x");
        for (String address : addresses) {
            terms.append(Numeric.cleanHexPrefix(address).toLowerCase(java.util.Locale.ROOT));
        }
        return terms.toString();
    }
}
