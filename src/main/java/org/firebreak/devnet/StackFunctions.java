package org.firebreak.devnet;

import java.math.BigInteger;
import java.util.List;

import org.firebreak.chain.ChainProfile.WatchedDelegation;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint192;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.utils.Numeric;

/** The stack contracts' functions the devnet calls, ABI-encoded by web3j (delegations as web3j structs). */
final class StackFunctions {

    private StackFunctions() {
    }

    /** {@code struct Caveat { address enforcer; bytes terms; bytes args; }} */
    public static final class CaveatStruct extends DynamicStruct {
        public CaveatStruct(Address enforcer, DynamicBytes terms, DynamicBytes args) {
            super(enforcer, terms, args);
        }
    }

    /** {@code struct Delegation { address delegate; address delegator; bytes32 authority; Caveat[] caveats; uint256 salt; bytes signature; }} */
    public static final class DelegationStruct extends DynamicStruct {
        public DelegationStruct(Address delegate, Address delegator, Bytes32 authority, DynamicArray<CaveatStruct> caveats,
                Uint256 salt, DynamicBytes signature) {
            super(delegate, delegator, authority, caveats, salt, signature);
        }
    }

    static DelegationStruct struct(WatchedDelegation d) {
        List<CaveatStruct> caveats = d.caveats().stream().map(c -> new CaveatStruct(new Address(c.enforcer()),
                new DynamicBytes(Numeric.hexStringToByteArray(c.terms())),
                new DynamicBytes(Numeric.hexStringToByteArray(c.args())))).toList();
        return new DelegationStruct(new Address(d.delegate()), new Address(d.delegator()),
                new Bytes32(Numeric.hexStringToByteArray(d.authority())), new DynamicArray<>(CaveatStruct.class, caveats),
                new Uint256(d.salt()), new DynamicBytes(Numeric.hexStringToByteArray(d.signature())));
    }

    static Function getDelegationHash(WatchedDelegation d) {
        return new Function("getDelegationHash", List.<Type>of(struct(d)), List.of(new TypeReference<Bytes32>() { }));
    }

    static Function disableDelegation(WatchedDelegation d) {
        return new Function("disableDelegation", List.<Type>of(struct(d)), List.of());
    }

    static Function enableDelegation(WatchedDelegation d) {
        return new Function("enableDelegation", List.<Type>of(struct(d)), List.of());
    }

    static Function disabledDelegations(byte[] delegationHash) {
        return new Function("disabledDelegations", List.<Type>of(new Bytes32(delegationHash)),
                List.of(new TypeReference<Bool>() { }));
    }

    static Function getDomainHash() {
        return new Function("getDomainHash", List.of(), List.of(new TypeReference<Bytes32>() { }));
    }

    static Function noArgs(String name) {
        return new Function(name, List.of(), List.of());
    }

    static Function view(String name, TypeReference<?> output) {
        return new Function(name, List.of(), List.<TypeReference<?>>of(output));
    }

    static Function paused() {
        return view("paused", new TypeReference<Bool>() { });
    }

    static Function addressArg(String name, String address, TypeReference<?> output) {
        return new Function(name, List.<Type>of(new Address(address)), List.<TypeReference<?>>of(output));
    }

    static Function uint(String name, String address, BigInteger amount) {
        return new Function(name, List.<Type>of(new Address(address), new Uint256(amount)), List.of());
    }

    static Function address(String name, String address) {
        return new Function(name, List.<Type>of(new Address(address)), List.of());
    }

    /** SimpleAccountFactory {@code createAccount(owner, salt)} or {@code getAddress(owner, salt)}. */
    static Function account(String name, String owner, BigInteger salt) {
        return new Function(name, List.<Type>of(new Address(owner), new Uint256(salt)),
                List.of(new TypeReference<Address>() { }));
    }

    /** SimpleAccount {@code execute(dest, value, func)}: the account calls {@code dest}. */
    static Function execute(String dest, BigInteger value, String func) {
        return new Function("execute", List.<Type>of(new Address(dest), new Uint256(value),
                new DynamicBytes(Numeric.hexStringToByteArray(func))), List.of());
    }

    /** EntryPoint {@code getNonce(sender, key)}: key 0, as the devnet's accounts use. */
    static Function getNonce(String sender) {
        return new Function("getNonce", List.<Type>of(new Address(sender), new Uint192(BigInteger.ZERO)),
                List.of(new TypeReference<Uint256>() { }));
    }

    static Function getUserOpHash(PackedUserOperation op) {
        return new Function("getUserOpHash", List.<Type>of(op.struct()), List.of(new TypeReference<Bytes32>() { }));
    }

    static Function handleOps(List<PackedUserOperation> ops, String beneficiary) {
        List<PackedUserOperation.Struct> structs = ops.stream().map(PackedUserOperation::struct).toList();
        return new Function("handleOps", List.<Type>of(new DynamicArray<>(PackedUserOperation.Struct.class, structs),
                new Address(beneficiary)), List.of());
    }

    /**
     * DelegationManager {@code redeemDelegations(permissionContexts, modes, executionCallDatas)} for one execution:
     * the permission context is {@code abi.encode(Delegation[])}, the mode single-call default (zero).
     */
    static Function redeemDelegation(WatchedDelegation delegation, String executionCallData) {
        String context = FunctionEncoder.encodeConstructor(List.<Type>of(new DynamicArray<>(DelegationStruct.class,
                List.of(struct(delegation)))));
        return new Function("redeemDelegations", List.<Type>of(
                new DynamicArray<>(DynamicBytes.class, List.of(new DynamicBytes(Numeric.hexStringToByteArray(context)))),
                new DynamicArray<>(Bytes32.class, List.of(new Bytes32(new byte[32]))),
                new DynamicArray<>(DynamicBytes.class,
                        List.of(new DynamicBytes(Numeric.hexStringToByteArray(executionCallData))))), List.of());
    }
}
