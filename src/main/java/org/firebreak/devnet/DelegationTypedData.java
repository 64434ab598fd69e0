package org.firebreak.devnet;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.firebreak.chain.ChainProfile.WatchedDelegation;
import org.firebreak.chain.ChainProfile.WatchedDelegation.Caveat;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;

import tools.jackson.databind.json.JsonMapper;

/**
 * The DelegationManager's EIP-712 typed data (domain "DelegationManager" version "1"): a delegation's struct hash
 * (what {@code getDelegationHash} returns; caveat {@code args} and the signature are not part of it) and the
 * signature of an EOA delegator over the typed-data digest.
 */
final class DelegationTypedData {

    static final String ROOT_AUTHORITY = "0x" + "f".repeat(64);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Object> TYPES = Map.of(
            "EIP712Domain", List.of(field("name", "string"), field("version", "string"), field("chainId", "uint256"),
                    field("verifyingContract", "address")),
            "Delegation", List.of(field("delegate", "address"), field("delegator", "address"), field("authority", "bytes32"),
                    field("caveats", "Caveat[]"), field("salt", "uint256")),
            "Caveat", List.of(field("enforcer", "address"), field("terms", "bytes")));

    private final StructuredDataEncoder encoder;

    private DelegationTypedData(StructuredDataEncoder encoder) {
        this.encoder = encoder;
    }

    static DelegationTypedData of(WatchedDelegation delegation, long chainId, String delegationManager) {
        Map<String, Object> typedData = Map.of(
                "types", TYPES,
                "primaryType", "Delegation",
                "domain", Map.of("name", "DelegationManager", "version", "1", "chainId", chainId,
                        "verifyingContract", delegationManager),
                "message", message(delegation));
        try {
            return new DelegationTypedData(new StructuredDataEncoder(JSON.writeValueAsString(typedData)));
        } catch (IOException e) {
            throw new DevnetFailure("cannot encode delegation " + delegation.name() + ": " + e.getMessage(), e);
        }
    }

    /** The struct hash, equal to {@code DelegationManager.getDelegationHash(delegation)}. */
    byte[] delegationHash() {
        return encoder.hashMessage("Delegation", new HashMap<>(parsedMessage()));
    }

    /** The EIP-712 domain separator, equal to {@code DelegationManager.getDomainHash()}. */
    byte[] domainHash() {
        return encoder.hashDomain();
    }

    /** keccak256(0x1901 ‖ domain separator ‖ struct hash): what the delegator signs. */
    byte[] digest() {
        return encoder.hashStructuredData();
    }

    /** The delegation with its delegator's 65-byte signature (r ‖ s ‖ v) over {@link #digest()}. */
    static WatchedDelegation signed(WatchedDelegation delegation, Credentials delegator, long chainId,
            String delegationManager) {
        byte[] digest = of(delegation, chainId, delegationManager).digest();
        Sign.SignatureData signature = Sign.signMessage(digest, delegator.getEcKeyPair(), false);
        return new WatchedDelegation(delegation.name(), delegation.delegate(), delegation.delegator(),
                delegation.authority(), delegation.caveats(), delegation.salt(), DevAccounts.rsv(signature));
    }

    private Map<String, Object> parsedMessage() {
        @SuppressWarnings("unchecked")
        Map<String, Object> message = (Map<String, Object>) encoder.jsonMessageObject.getMessage();
        return message;
    }

    private static Map<String, Object> message(WatchedDelegation delegation) {
        List<Map<String, Object>> caveats = delegation.caveats().stream()
                .map(DelegationTypedData::caveat).toList();
        return Map.of("delegate", delegation.delegate(), "delegator", delegation.delegator(),
                "authority", delegation.authority(), "caveats", caveats, "salt", delegation.salt().toString());
    }

    private static Map<String, Object> caveat(Caveat caveat) {
        return Map.of("enforcer", caveat.enforcer(), "terms", caveat.terms());
    }

    private static Map<String, String> field(String name, String type) {
        return Map.of("name", name, "type", type);
    }
}
