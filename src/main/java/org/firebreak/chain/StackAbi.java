package org.firebreak.chain;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.firebreak.chain.ChainProfile.WatchedDelegation;
import org.jspecify.annotations.Nullable;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The functions, events and errors of the stack's contracts that Firebreak reads (selectors and topics as in
 * onchain.md, encoded by web3j; tests check them against the deployed contracts).
 */
final class StackAbi {

    static final String ROOT_AUTHORITY = "0x" + "f".repeat(64);

    // DelegationManager and other Pausable / Ownable contracts
    static final Function PAUSED = view("paused", new TypeReference<Bool>() { });
    static final Function OWNER = view("owner", new TypeReference<Address>() { });
    static final Function PENDING_OWNER = view("pendingOwner", new TypeReference<Address>() { });

    static final String PAUSED_EVENT = topic("Paused(address)");
    static final String UNPAUSED_EVENT = topic("Unpaused(address)");
    static final String OWNERSHIP_TRANSFER_STARTED = topic("OwnershipTransferStarted(address,address)");
    static final String OWNERSHIP_TRANSFERRED = topic("OwnershipTransferred(address,address)");
    static final String UPGRADED = topic("Upgraded(address)");
    static final String ADMIN_CHANGED = topic("AdminChanged(address,address)");
    /** DisabledDelegation(bytes32 indexed, address indexed, address indexed, Delegation), topic from onchain.md. */
    static final String DISABLED_DELEGATION = "0xea589ba9473ee1fe77d352c7ed919747715a5d22931b972de9b02a907c66d5dd";
    static final String ENABLED_DELEGATION = "0x3feadce88fc1b49db633a56fd5307ed6ee18734df83bcc4011daa720c9cd95f1";

    /** The admin events "Review recent changes" reports, by topic. */
    static final java.util.Map<String, String> ADMIN_EVENTS = java.util.Map.of(
            PAUSED_EVENT, "Paused", UNPAUSED_EVENT, "Unpaused",
            OWNERSHIP_TRANSFER_STARTED, "OwnershipTransferStarted", OWNERSHIP_TRANSFERRED, "OwnershipTransferred",
            UPGRADED, "Upgraded", ADMIN_CHANGED, "AdminChanged", DISABLED_DELEGATION, "DisabledDelegation", ENABLED_DELEGATION, "EnabledDelegation");

    /** BasePaymaster.entryPoint(): the EntryPoint a paymaster serves. */
    static final Function ENTRY_POINT = view("entryPoint", new TypeReference<Address>() { });

    /** FailedOp(uint256 opIndex, string reason): handleOps refusing an operation, the reason an AA code. */
    static final String FAILED_OP = selector("FailedOp(uint256,string)");
    /** FailedOpWithRevert(uint256 opIndex, string reason, bytes inner): the same with the account's or paymaster's revert. */
    static final String FAILED_OP_WITH_REVERT = selector("FailedOpWithRevert(uint256,string,bytes)");

    /** SenderAddressResult(address), the revert of EntryPoint.getSenderAddress. */
    static final String SENDER_ADDRESS_RESULT = "0x6ca7b806";

    /** Error(string), the revert of require(condition, "text"). */
    static final String ERROR_STRING = "0x08c379a0";

    /**
     * The custom errors worth naming, by selector: what a pause or unpause meets (OpenZeppelin 5 Ownable and
     * Pausable) and why a delegation redemption fails (DelegationManager v1.3.0).
     */
    private static final Map<String, String> KNOWN_ERRORS = Map.of(
            selector("OwnableUnauthorizedAccount(address)"), "OwnableUnauthorizedAccount: the caller is not the owner",
            selector("EnforcedPause()"), "EnforcedPause: the contract is paused",
            selector("ExpectedPause()"), "ExpectedPause: the contract is not paused",
            selector("CannotUseADisabledDelegation()"), "CannotUseADisabledDelegation: the delegation is disabled",
            selector("InvalidDelegate()"), "InvalidDelegate: the redeemer is not the delegation's delegate",
            selector("InvalidDelegator()"), "InvalidDelegator: the delegation chain's delegator does not match",
            selector("InvalidEOASignature()"), "InvalidEOASignature: the delegator's signature is not valid",
            selector("InvalidERC1271Signature()"), "InvalidERC1271Signature: the delegator account rejected the signature");

    private StackAbi() {
    }

    static String selector(String signature) {
        return topic(signature).substring(0, 10);
    }

    /**
     * A revert in words: the text of Error(string), the name of a known custom error, else the node's message
     * and the raw revert data, so a responder always sees what the chain said.
     */
    static String revertReason(@Nullable String message, @Nullable String rawData) {
        return revertReason(message, rawData, null);
    }

    /**
     * The same for a revert of an EntryPoint of {@code entryPoint}'s release (null: v0.7's codes): a
     * {@code FailedOp} names the operation and its AA code with where the fault is, e.g. "FailedOp: op 0 AA24
     * signature error (account or delegation)"; {@code FailedOpWithRevert} adds the inner revert in words.
     */
    static String revertReason(@Nullable String message, @Nullable String rawData,
            @Nullable EntryPointVersion entryPoint) {
        String data = revertData(rawData);
        if (data.length() >= 10) {
            String selector = data.substring(0, 10).toLowerCase(Locale.ROOT);
            if (selector.equals(FAILED_OP) || selector.equals(FAILED_OP_WITH_REVERT)) {
                String failed = failedOp(data, selector.equals(FAILED_OP_WITH_REVERT),
                        entryPoint == null ? EntryPointVersion.V07 : entryPoint);
                if (failed != null) {
                    return failed;
                }
            }
            if (selector.equals(ERROR_STRING)) {
                List<Type> text = FunctionReturnDecoder.decode(data.substring(10),
                        List.of((TypeReference) new TypeReference<Utf8String>() { }));
                if (!text.isEmpty()) {
                    return text.getFirst().getValue().toString();
                }
            }
            String known = KNOWN_ERRORS.get(selector);
            if (known != null) {
                return known;
            }
        }
        String said = message == null || message.isBlank() ? "reverted" : message;
        return data.isEmpty() || said.contains(data) ? said : said + " (data " + data + ")";
    }

    private static @Nullable String failedOp(String data, boolean withRevert, EntryPointVersion entryPoint) {
        List<TypeReference<?>> types = new java.util.ArrayList<>(List.of(new TypeReference<Uint256>() { },
                new TypeReference<Utf8String>() { }));
        if (withRevert) {
            types.add(new TypeReference<DynamicBytes>() { });
        }
        List<Type> values;
        try {
            values = FunctionReturnDecoder.decode(data.substring(10), (List) types);
        } catch (RuntimeException e) {
            return null;
        }
        if (values.size() != types.size()) {
            return null;
        }
        String said = "FailedOp: op " + values.get(0).getValue() + " "
                + entryPoint.aaCode(values.get(1).getValue().toString());
        if (!withRevert) {
            return said;
        }
        String inner = Numeric.toHexString((byte[]) values.get(2).getValue());
        return said + ": " + revertReason(null, inner, entryPoint);
    }

    /** The revert data as 0x-hex, or empty when there is none; nodes send it as a JSON string, quotes and all. */
    static String revertData(@Nullable String raw) {
        String data = raw == null ? "" : raw.strip();
        if (data.length() >= 2 && data.startsWith("\"") && data.endsWith("\"")) {
            data = data.substring(1, data.length() - 1);
        }
        return data.equals("0x") || data.equals("null") || !data.startsWith("0x") ? "" : data;
    }

    static String topic(String signature) {
        return Hash.sha3String(signature);
    }

    @SafeVarargs
    private static Function view(String name, TypeReference<? extends Type<?>>... outputs) {
        return new Function(name, List.of(), List.of(outputs));
    }

    static String encode(Function function) {
        return FunctionEncoder.encode(function);
    }

    /** EntryPoint.balanceOf(account): the account's deposit. */
    static Function balanceOf(String account) {
        return new Function("balanceOf", List.of(new Address(account)), List.of(new TypeReference<Uint256>() { }));
    }

    /** SimpleAccountFactory.getAddress(owner, salt): the counterfactual account address. */
    static Function getAddress(String owner, BigInteger salt) {
        return new Function("getAddress", List.of(new Address(owner), new Uint256(salt)),
                List.of(new TypeReference<Address>() { }));
    }

    /** SimpleAccountFactory.createAccount(owner, salt). */
    static Function createAccount(String owner, BigInteger salt) {
        return new Function("createAccount", List.of(new Address(owner), new Uint256(salt)),
                List.of(new TypeReference<Address>() { }));
    }

    /** EntryPoint.getSenderAddress(initCode): always reverts with SenderAddressResult(address). */
    static Function getSenderAddress(byte[] initCode) {
        return new Function("getSenderAddress", List.of(new DynamicBytes(initCode)), List.of());
    }

    static Function disabledDelegations(String hash) {
        return new Function("disabledDelegations", List.of(new Bytes32(Numeric.hexStringToByteArray(hash))),
                List.of(new TypeReference<Bool>() { }));
    }

    static Function getDelegationHash(WatchedDelegation delegation) {
        return new Function("getDelegationHash", List.of(struct(delegation)), List.of(new TypeReference<Bytes32>() { }));
    }

    static Function pause() {
        return new Function("pause", List.of(), List.of());
    }

    static Function unpause() {
        return new Function("unpause", List.of(), List.of());
    }

    /** The DelegationManager's Delegation struct. */
    static DynamicStruct struct(WatchedDelegation d) {
        List<DynamicStruct> caveats = d.caveats().stream().map(c -> new DynamicStruct(new Address(c.enforcer()),
                new DynamicBytes(Numeric.hexStringToByteArray(c.terms())),
                new DynamicBytes(Numeric.hexStringToByteArray(c.args())))).toList();
        return new DynamicStruct(new Address(d.delegate()), new Address(d.delegator()),
                new Bytes32(Numeric.hexStringToByteArray(d.authority())),
                new DynamicArray<>(DynamicStruct.class, caveats), new Uint256(d.salt()),
                new DynamicBytes(Numeric.hexStringToByteArray(d.signature())));
    }

    @SuppressWarnings("unchecked")
    static <T> T decodeSingle(String hex, Function function) {
        List<Type> values = FunctionReturnDecoder.decode(hex, function.getOutputParameters());
        if (values.isEmpty()) {
            throw new IllegalStateException(function.getName() + " returned nothing (no code at the address?)");
        }
        return (T) values.getFirst().getValue();
    }
}
