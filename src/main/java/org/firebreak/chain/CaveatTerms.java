package org.firebreak.chain;

import java.math.BigInteger;
import java.util.Arrays;

import org.web3j.utils.Numeric;

/**
 * The validity window a TimestampEnforcer or BlockNumberEnforcer caveat encodes: 32 bytes,
 * {@code uint128 after ‖ uint128 before}, 0 meaning unset. Valid when {@code now > after} and {@code now < before}.
 */
public record CaveatTerms(BigInteger after, BigInteger before) {

    /** The window as terms, e.g. for a devnet delegation that expires in three days. */
    public static String encode(long after, long before) {
        return "0x" + Numeric.toHexStringNoPrefixZeroPadded(BigInteger.valueOf(after), 32)
                + Numeric.toHexStringNoPrefixZeroPadded(BigInteger.valueOf(before), 32);
    }

    public static CaveatTerms decode(String termsHex) {
        byte[] terms = Numeric.hexStringToByteArray(termsHex);
        if (terms.length != 32) {
            throw new IllegalArgumentException("expected 32 bytes of terms, got " + terms.length);
        }
        return new CaveatTerms(new BigInteger(1, Arrays.copyOfRange(terms, 0, 16)),
                new BigInteger(1, Arrays.copyOfRange(terms, 16, 32)));
    }

    boolean hasEnd() {
        return before.signum() > 0;
    }

    boolean expiredAt(long now) {
        return hasEnd() && BigInteger.valueOf(now).compareTo(before) >= 0;
    }

    boolean notYetValidAt(long now) {
        return after.signum() > 0 && BigInteger.valueOf(now).compareTo(after) <= 0;
    }
}
