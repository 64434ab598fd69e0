package org.firebreak.chain;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.firebreak.shared.ConfigProblem;
import org.jspecify.annotations.Nullable;

/**
 * The ERC-4337 EntryPoint releases Firebreak follows side by side, each with what sets it apart, read from the
 * releases' own sources (npm {@code @account-abstraction/contracts} 0.7.0, 0.8.0 and 0.9.0-rc.1, the newest 0.9 there
 * is): v0.8 and v0.9 keep state in transient storage (v0.8's reentrancy guard, v0.9's current userOpHash), so they need
 * Cancun; they take EIP-7702 accounts natively (initCode {@code 0x7702…}, which need Prague) and hash a user operation
 * as EIP-712 typed data (domain "ERC4337", version "1"). v0.9 also accepts a paymaster signature after
 * {@code paymasterAndData}'s data (suffix: its length and the magic {@code 0x22e325a297439656}), block-number validity
 * windows (AA27, AA37), emits {@code IgnoredInitCode} where older releases reverted AA10 and
 * {@code EIP7702AccountInitialized}, and takes {@code handleOps} only from an EOA. The AA codes of {@code FailedOp}
 * differ per release. In the chain profile a version is written {@code v0.7}, {@code 0.7} or {@code V07}.
 */
public enum EntryPointVersion {

    V07("v0.7", false, false, false, "AA10 AA30 AA90 AA91 AA92 AA93 AA96"),
    V08("v0.8", true, true, true, "AA10 AA30 AA90 AA91 AA92 AA93 AA97 AA98 AA99"),
    /** Reverts with custom errors where v0.8 had AA90-AA93 and AA98 ({@code InvalidBeneficiary}, ...). */
    V09("v0.9", true, true, true, "AA27 AA37 AA99");

    private final String label;
    private final boolean needsTransientStorage;
    private final boolean acceptsEip7702Accounts;
    private final boolean eip712UserOpHash;
    /** The codes only some releases raise, this one among them. */
    private final java.util.Set<String> ownCodes;

    EntryPointVersion(String label, boolean needsTransientStorage, boolean acceptsEip7702Accounts,
            boolean eip712UserOpHash, String ownCodes) {
        this.label = label;
        this.needsTransientStorage = needsTransientStorage;
        this.acceptsEip7702Accounts = acceptsEip7702Accounts;
        this.eip712UserOpHash = eip712UserOpHash;
        this.ownCodes = java.util.Set.of(ownCodes.split(" "));
    }

    /** As written in profiles and shown to people: {@code v0.7}, {@code v0.8}, {@code v0.9}. */
    @JsonValue
    public String label() {
        return label;
    }

    /** Whether it uses TLOAD/TSTORE (EIP-1153): it cannot run on a chain before Cancun. */
    public boolean needsTransientStorage() {
        return needsTransientStorage;
    }

    /** Whether it serves EIP-7702 accounts natively (initCode {@code 0x7702…}); they exist only from Prague on. */
    public boolean acceptsEip7702Accounts() {
        return acceptsEip7702Accounts;
    }

    /**
     * Whether its userOpHash is the EIP-712 hash of the operation (domain "ERC4337", version "1", the chain and the
     * EntryPoint) rather than keccak(pack(op), entryPoint, chainId); an account signs what its release expects.
     */
    public boolean eip712UserOpHash() {
        return eip712UserOpHash;
    }

    /**
     * An AA code of this release in words, with where the fault is: {@code AA24} → "AA24 signature error
     * (account or delegation)"; a code this release does not know is returned as given.
     */
    public String aaCode(String reason) {
        String code = reason.length() >= 4 ? reason.substring(0, 4) : reason;
        String meaning = meaning(code);
        if (meaning == null) {
            return reason;
        }
        String given = reason.length() > 4 ? reason.substring(4).strip() : meaning;
        return code + " " + given + " (" + where(code) + ")";
    }

    /** Where an AA code's fault is, by its tens (onchain.md). */
    static String where(String code) {
        return switch (code.charAt(2)) {
            case '1' -> "account creation: factory or initCode";
            case '2' -> "account or delegation";
            case '3' -> "paymaster: funds or sponsorship";
            case '9' -> "bundler or handleOps";
            default -> "EntryPoint";
        };
    }

    /** Whether this release knows {@code code} (e.g. {@code AA24}). */
    public boolean knows(String code) {
        return meaning(code) != null;
    }

    private @Nullable String meaning(String code) {
        return Codes.SHARED.contains(code) || ownCodes.contains(code) ? Codes.MEANINGS.get(code) : null;
    }

    /** {@code v0.8}, {@code 0.8}, {@code V08} or {@code 0.8.0}; anything else names the versions there are. */
    @JsonCreator
    public static EntryPointVersion of(@Nullable String text) {
        String given = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (EntryPointVersion version : values()) {
            String label = version.label.substring(1);
            if (given.equals(version.label) || given.equals(label) || given.equals(label + ".0")
                    || given.equals(version.name().toLowerCase(Locale.ROOT))) {
                return version;
            }
        }
        throw new ConfigProblem("version", "must be an EntryPoint version: v0.7, v0.8 or v0.9, got '" + text + "'");
    }

    /**
     * The AA codes of the three releases' {@code FailedOp} reverts, read from their sources (a nested class: an
     * enum's constructor cannot read its own statics).
     */
    private static final class Codes {
        /** What each code says failed; where the fault is comes from its tens ({@link #where}). */
        static final Map<String, String> MEANINGS = codes(
                "AA10", "sender already constructed",
                "AA13", "initCode failed or out of gas (v0.8+: or the EIP-7702 sender's init call failed)",
                "AA14", "initCode must return sender",
                "AA15", "initCode must create sender",
                "AA20", "account not deployed",
                "AA21", "account did not pay prefund",
                "AA22", "expired or not due",
                "AA23", "account reverted in validation",
                "AA24", "signature error",
                "AA25", "invalid account nonce",
                "AA26", "over verificationGasLimit",
                "AA27", "outside the account's valid block range",
                "AA30", "paymaster not deployed",
                "AA31", "paymaster deposit too low",
                "AA32", "paymaster expired or not due",
                "AA33", "paymaster reverted in validation",
                "AA34", "paymaster signature error",
                "AA36", "over paymasterVerificationGasLimit",
                "AA37", "outside the paymaster's valid block range",
                "AA90", "invalid beneficiary",
                "AA91", "failed send to beneficiary",
                "AA92", "internal call only",
                "AA93", "invalid paymasterAndData",
                "AA94", "gas values overflow",
                "AA95", "out of gas: the whole bundle reverts",
                "AA96", "invalid aggregator",
                "AA97", "should call from EntryPoint",
                "AA98", "invalid paymaster",
                "AA99", "initCode too small");
        /** The codes all three raise. */
        static final java.util.Set<String> SHARED = java.util.Set.of("AA13", "AA14", "AA15", "AA20", "AA21", "AA22",
                "AA23", "AA24", "AA25", "AA26", "AA31", "AA32", "AA33", "AA34", "AA36", "AA94", "AA95");

        private Codes() {
        }
    }

    private static Map<String, String> codes(String... codesAndMeanings) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (int i = 0; i < codesAndMeanings.length; i += 2) {
            codes.put(codesAndMeanings[i], codesAndMeanings[i + 1]);
        }
        return Map.copyOf(codes);
    }
}
