package org.firebreak.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.EventValues;
import org.web3j.abi.TypeDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.NumericType;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.reflection.Parameterized;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.tx.Contract;
import org.web3j.utils.Numeric;

/**
 * The events of the stack's contracts that the block follower stores (EntryPoint v0.7, v0.8 and v0.9, whose v0.9
 * adds {@code IgnoredInitCode} and {@code EIP7702AccountInitialized}; DelegationManager v1.3.0, Ownable, Pausable and
 * ERC-1967 proxy contracts), each with its parameter names, decoded by web3j into strings: addresses 0x and
 * lowercase, integers decimal, booleans true/false, bytes 0x-hex. A {@code Delegation} struct parameter becomes
 * {@code delegation.delegate}, {@code .delegator}, {@code .authority}, {@code .salt}, {@code .caveats} (how many)
 * and {@code .enforcers}; a revert reason also gets {@code reason}, in words where the error is known.
 */
final class StackEvents {

    /** Revert data kept per event; a reason longer than this is cut (its words are decoded before the cut). */
    static final int MAX_REVERT_HEX = 2_048;

    /**
     * One event: its web3j definition and the names of its parameters, in declaration order.
     *
     * @param since for an event only later EntryPoints emit, the first release that does; null for the others
     */
    record Spec(String name, Event event, List<String> parameters, @Nullable EntryPointVersion since) {

        /** Whether a contract of that role emits it: an EntryPoint-only event comes from an EntryPoint recent enough. */
        boolean emittedBy(@Nullable EntryPointVersion entryPoint) {
            return since == null || entryPoint != null && entryPoint.compareTo(since) >= 0;
        }

        String topic() {
            return EventEncoder.encode(event);
        }

        Spec since(EntryPointVersion first) {
            return new Spec(name, event, parameters, first);
        }

        /** Whether its data is static words and {@code bytes} only, decoded at fixed offsets ({@link #words}). */
        boolean words() {
            return event.getParameters().stream().allMatch(p -> WORD_TYPES.contains(type(p))
                    || !p.isIndexed() && type(p) == DynamicBytes.class);
        }
    }

    private static final java.util.Set<Class<?>> WORD_TYPES = java.util.Set.of(Address.class, Uint256.class, Bool.class,
            Bytes32.class);

    static final List<Spec> ALL = List.of(
            spec("UserOperationEvent", "userOpHash", indexed(Bytes32.class), "sender", indexed(Address.class),
                    "paymaster", indexed(Address.class), "nonce", plain(Uint256.class), "success", plain(Bool.class),
                    "actualGasCost", plain(Uint256.class), "actualGasUsed", plain(Uint256.class)),
            spec("AccountDeployed", "userOpHash", indexed(Bytes32.class), "sender", indexed(Address.class),
                    "factory", plain(Address.class), "paymaster", plain(Address.class)),
            spec("UserOperationRevertReason", "userOpHash", indexed(Bytes32.class), "sender", indexed(Address.class),
                    "nonce", plain(Uint256.class), "revertReason", plain(DynamicBytes.class)),
            spec("PostOpRevertReason", "userOpHash", indexed(Bytes32.class), "sender", indexed(Address.class),
                    "nonce", plain(Uint256.class), "revertReason", plain(DynamicBytes.class)),
            spec("UserOperationPrefundTooLow", "userOpHash", indexed(Bytes32.class), "sender", indexed(Address.class),
                    "nonce", plain(Uint256.class)),
            spec("Deposited", "account", indexed(Address.class), "totalDeposit", plain(Uint256.class)),
            spec("Withdrawn", "account", indexed(Address.class), "withdrawAddress", plain(Address.class),
                    "amount", plain(Uint256.class)),
            spec("StakeLocked", "account", indexed(Address.class), "totalStaked", plain(Uint256.class),
                    "unstakeDelaySec", plain(Uint256.class)),
            spec("StakeUnlocked", "account", indexed(Address.class), "withdrawTime", plain(Uint256.class)),
            spec("StakeWithdrawn", "account", indexed(Address.class), "withdrawAddress", plain(Address.class),
                    "amount", plain(Uint256.class)),
            spec("RedeemedDelegation", "rootDelegator", indexed(Address.class), "redeemer", indexed(Address.class),
                    "delegation", plain(DelegationStruct.class)),
            spec("DisabledDelegation", "delegationHash", indexed(Bytes32.class), "delegator", indexed(Address.class),
                    "delegate", indexed(Address.class), "delegation", plain(DelegationStruct.class)),
            spec("EnabledDelegation", "delegationHash", indexed(Bytes32.class), "delegator", indexed(Address.class),
                    "delegate", indexed(Address.class), "delegation", plain(DelegationStruct.class)),
            spec("Paused", "account", plain(Address.class)),
            spec("Unpaused", "account", plain(Address.class)),
            spec("OwnershipTransferStarted", "previousOwner", indexed(Address.class), "newOwner", indexed(Address.class)),
            spec("OwnershipTransferred", "previousOwner", indexed(Address.class), "newOwner", indexed(Address.class)),
            spec("IgnoredInitCode", "userOpHash", indexed(Bytes32.class), "sender", indexed(Address.class),
                    "unusedFactory", plain(Address.class)).since(EntryPointVersion.V09),
            spec("EIP7702AccountInitialized", "userOpHash", indexed(Bytes32.class), "sender", indexed(Address.class),
                    "delegate", indexed(Address.class)).since(EntryPointVersion.V09),
            spec("Upgraded", "implementation", indexed(Address.class)),
            spec("AdminChanged", "previousAdmin", plain(Address.class), "newAdmin", plain(Address.class)));

    /** The ownership events, whose {@code newOwner} the follower marks {@code expected} or not (see ChainEvent). */
    static final java.util.Set<String> OWNERSHIP = java.util.Set.of("OwnershipTransferStarted", "OwnershipTransferred");

    private static final Map<String, Spec> BY_TOPIC = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Spec::topic, Function.identity()));

    /** The events whose parameters {@link #words} decodes; the others (the Delegation struct) go the generic way. */
    private static final java.util.Set<String> WORD_LAYOUT = ALL.stream().filter(Spec::words).map(Spec::name)
            .collect(Collectors.toUnmodifiableSet());

    /** The name given to a failed transaction to the DelegationManager (it has no log to decode). */
    static final String REDEMPTION_FAILED = "DelegationRedemptionFailed";

    /** DelegationManager.redeemDelegations(bytes[],bytes32[],bytes[]). */
    static final String REDEEM_DELEGATIONS = StackAbi.selector("redeemDelegations(bytes[],bytes32[],bytes[])");

    private StackEvents() {
    }

    /** topic0 of every event above, for the eth_getLogs filter. */
    static List<String> topics() {
        return ALL.stream().map(Spec::topic).toList();
    }

    /** The event's name and its decoded fields, or empty when the log is none of the events above. */
    static Optional<Decoded> decode(Log log) {
        return decode(log, null);
    }

    /**
     * The same, for a log of a contract that is an EntryPoint of {@code entryPoint}'s release (null: no EntryPoint):
     * its events also name the EntryPoint as {@code entryPoint} and {@code entryPointVersion} (e.g. {@code v0.8}),
     * its revert reasons are read with that release's AA codes, and an event its release does not emit is none.
     */
    static Optional<Decoded> decode(Log log, @Nullable EntryPointVersion entryPoint) {
        if (log.getTopics() == null || log.getTopics().isEmpty()) {
            return Optional.empty();
        }
        Spec spec = BY_TOPIC.get(log.getTopics().getFirst().toLowerCase(Locale.ROOT));
        if (spec == null || !spec.emittedBy(entryPoint)) {
            return Optional.empty();
        }
        List<Type> values = WORD_LAYOUT.contains(spec.name()) ? words(spec, log) : null;
        if (values == null) {
            values = generic(spec, log);
            if (values == null) {
                return Optional.empty();
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            put(fields, spec.parameters().get(i), values.get(i), entryPoint);
        }
        if (entryPoint != null) {
            fields.put("entryPoint", log.getAddress().toLowerCase(Locale.ROOT));
            fields.put("entryPointVersion", entryPoint.label());
        }
        return Optional.of(new Decoded(spec.name(), fields));
    }

    record Decoded(String name, Map<String, String> fields) {
    }

    /**
     * The parameters of an event whose data is static words and {@code bytes}, decoded at their fixed offsets: the
     * same values as {@link #generic}, without its per-log event signature hash and reflection. The four word types
     * ({@code address}, {@code uint256}, {@code bool}, {@code bytes32}) are read here straight from the hex: web3j's
     * {@link TypeDecoder} resolves the type by name, looks its constructor up and splits strings with regexes on
     * every value, most of the follower's decoding in a catch-up. Null when the log is shorter than its layout: the
     * generic decoder then has the last word.
     */
    static @Nullable List<Type> words(Spec spec, Log log) {
        List<String> topics = log.getTopics();
        String data = log.getData() == null ? "" : Numeric.cleanHexPrefix(log.getData());
        List<TypeReference<Type>> parameters = spec.event().getParameters();
        Class<?>[] types = TYPES.computeIfAbsent(spec.name(), name -> parameters.stream()
                .map(StackEvents::type).toArray(Class<?>[]::new));
        List<Type> values = new ArrayList<>(parameters.size());
        int topic = 1;
        int word = 0;
        try {
            for (int i = 0; i < types.length; i++) {
                Class<?> type = types[i];
                if (parameters.get(i).isIndexed()) {
                    if (topic >= topics.size()) {
                        return null;
                    }
                    String value = Numeric.cleanHexPrefix(topics.get(topic++));
                    if (value.length() != 64) {
                        return null;
                    }
                    values.add(word(type, value));
                } else if (type == DynamicBytes.class) {
                    BigInteger offset = new BigInteger(word(data, word++), 16);
                    if (offset.bitLength() > 31 || offset.intValue() % 32 != 0
                            || data.length() < offset.intValue() * 2 + 64) {
                        return null;
                    }
                    values.add(TypeDecoder.decodeDynamicBytes(data, offset.intValue() * 2));
                } else {
                    values.add(word(type, word(data, word++)));
                }
            }
        } catch (IndexOutOfBoundsException | ArithmeticException | NumberFormatException e) {
            return null;
        }
        return topic == topics.size() ? values : null;
    }

    /** The parameter types of each word-layout event, by name: web3j resolves a TypeReference's class by name each time. */
    private static final Map<String, Class<?>[]> TYPES = new java.util.concurrent.ConcurrentHashMap<>();

    /** One 32-byte word (64 hex digits) as the value of a word type, as web3j's TypeDecoder reads it. */
    private static Type word(Class<?> type, String hex) {
        if (type == Address.class) {
            return new Address(new BigInteger(hex.substring(24), 16));
        }
        if (type == Uint256.class) {
            return new Uint256(new BigInteger(hex, 16));
        }
        if (type == Bool.class) {
            return new Bool(new BigInteger(hex, 16).equals(BigInteger.ONE));
        }
        if (type == Bytes32.class) {
            return new Bytes32(Numeric.hexStringToByteArray(hex));
        }
        throw new IllegalArgumentException("not a word type: " + type);
    }

    private static Class<?> type(TypeReference<?> parameter) {
        try {
            return parameter.getClassType();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String word(String data, int index) {
        return data.substring(index * 64, index * 64 + 64);
    }

    /** The parameters through web3j's generic event decoder, in declaration order; null when the log does not fit. */
    static @Nullable List<Type> generic(Spec spec, Log log) {
        EventValues values = Contract.staticExtractEventParameters(spec.event(), log);
        if (values == null) {
            return null;
        }
        Iterator<Type> indexed = values.getIndexedValues().iterator();
        Iterator<Type> plain = values.getNonIndexedValues().iterator();
        List<Type> ordered = new ArrayList<>();
        for (TypeReference<Type> parameter : spec.event().getParameters()) {
            ordered.add(parameter.isIndexed() ? indexed.next() : plain.next());
        }
        return ordered;
    }

    private static void put(Map<String, String> fields, String name, Type value, @Nullable EntryPointVersion entryPoint) {
        switch (value) {
            case DelegationStruct delegation -> {
                fields.put(name + ".delegate", text(delegation.getValue().get(0)));
                fields.put(name + ".delegator", text(delegation.getValue().get(1)));
                fields.put(name + ".authority", text(delegation.getValue().get(2)));
                List<?> caveats = ((DynamicArray<?>) delegation.getValue().get(3)).getValue();
                fields.put(name + ".caveats", Integer.toString(caveats.size()));
                fields.put(name + ".enforcers", caveats.stream().map(c -> text(((CaveatStruct) c).getValue().getFirst()))
                        .collect(Collectors.joining(",")));
                fields.put(name + ".salt", text(delegation.getValue().get(4)));
            }
            case DynamicBytes bytes when name.equals("revertReason") -> {
                String hex = Numeric.toHexString(bytes.getValue());
                fields.put("reason", StackAbi.revertReason(null, hex, entryPoint));
                fields.put(name, hex.length() > MAX_REVERT_HEX ? hex.substring(0, MAX_REVERT_HEX) + "…" : hex);
            }
            default -> fields.put(name, text(value));
        }
    }

    static String text(Type<?> value) {
        return switch (value) {
            case Address address -> address.getValue().toLowerCase(Locale.ROOT);
            case NumericType number -> ((BigInteger) number.getValue()).toString();
            case Bool bool -> bool.getValue().toString();
            case Bytes32 bytes -> Numeric.toHexString(bytes.getValue());
            case DynamicBytes bytes -> Numeric.toHexString(bytes.getValue());
            default -> String.valueOf(value.getValue());
        };
    }

    /** The DelegationManager's {@code Caveat} struct, for web3j's decoder. */
    public static final class CaveatStruct extends DynamicStruct {
        public CaveatStruct(Address enforcer, DynamicBytes terms, DynamicBytes args) {
            super(enforcer, terms, args);
        }
    }

    /** The DelegationManager's {@code Delegation} struct, for web3j's decoder. */
    public static final class DelegationStruct extends DynamicStruct {
        public DelegationStruct(Address delegate, Address delegator, Bytes32 authority,
                @Parameterized(type = CaveatStruct.class) DynamicArray<CaveatStruct> caveats, Uint256 salt,
                DynamicBytes signature) {
            super(delegate, delegator, authority, caveats, salt, signature);
        }
    }

    private record Parameter(Class<? extends Type<?>> type, boolean indexed) {
    }

    private static Parameter indexed(Class<? extends Type<?>> type) {
        return new Parameter(type, true);
    }

    private static Parameter plain(Class<? extends Type<?>> type) {
        return new Parameter(type, false);
    }

    /** {@code spec(name, parameterName, parameter, parameterName, parameter, ...)}. */
    private static Spec spec(String name, Object... namesAndParameters) {
        List<String> names = new ArrayList<>();
        List<TypeReference<?>> types = new ArrayList<>();
        for (int i = 0; i < namesAndParameters.length; i += 2) {
            names.add((String) namesAndParameters[i]);
            Parameter parameter = (Parameter) namesAndParameters[i + 1];
            types.add(TypeReference.create(parameter.type(), parameter.indexed()));
        }
        return new Spec(name, new Event(name, types), List.copyOf(names), null);
    }
}
