package org.firebreak.devnet;

import java.math.BigInteger;

import org.firebreak.chain.EntryPointVersion;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * An ERC-4337 user operation (v0.7 to v0.9 share the packed layout) with its gas limits and fees unpacked; {@link #struct()} packs them as the
 * EntryPoint takes them ({@code accountGasLimits} = verificationGasLimit ‖ callGasLimit, {@code gasFees} =
 * maxPriorityFeePerGas ‖ maxFeePerGas, 16 bytes each). No paymaster: the account pays from its EntryPoint deposit.
 *
 * @param initCode factory address ‖ {@code createAccount} calldata on the account's first operation, else {@code 0x}
 */
record PackedUserOperation(String sender, BigInteger nonce, String initCode, String callData,
        BigInteger verificationGasLimit, BigInteger callGasLimit, BigInteger preVerificationGas,
        BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas, String signature) {

    /**
     * {@code struct PackedUserOperation { address sender; uint256 nonce; bytes initCode; bytes callData;
     * bytes32 accountGasLimits; uint256 preVerificationGas; bytes32 gasFees; bytes paymasterAndData; bytes signature; }}
     */
    public static final class Struct extends DynamicStruct {
        public Struct(Address sender, Uint256 nonce, DynamicBytes initCode, DynamicBytes callData, Bytes32 accountGasLimits,
                Uint256 preVerificationGas, Bytes32 gasFees, DynamicBytes paymasterAndData, DynamicBytes signature) {
            super(sender, nonce, initCode, callData, accountGasLimits, preVerificationGas, gasFees, paymasterAndData, signature);
        }
    }

    Struct struct() {
        return new Struct(new Address(sender), new Uint256(nonce), bytes(initCode), bytes(callData),
                packed(verificationGasLimit, callGasLimit), new Uint256(preVerificationGas),
                packed(maxPriorityFeePerGas, maxFeePerGas), bytes("0x"), bytes(signature));
    }

    /**
     * The operation signed by its account's owner over the EntryPoint's userOpHash, as the SimpleAccount of that
     * release checks it: v0.7's recovers from the eth-signed-message hash of it; v0.8's and v0.9's from the userOpHash
     * itself, which is already an EIP-712 digest.
     */
    PackedUserOperation signed(byte[] userOpHash, Credentials owner, EntryPointVersion release) {
        String rsv = DevAccounts.rsv(release.eip712UserOpHash() ? Sign.signMessage(userOpHash, owner.getEcKeyPair(), false)
                : Sign.signPrefixedMessage(userOpHash, owner.getEcKeyPair()));
        return new PackedUserOperation(sender, nonce, initCode, callData, verificationGasLimit, callGasLimit,
                preVerificationGas, maxPriorityFeePerGas, maxFeePerGas, rsv);
    }

    BigInteger gasLimit() {
        return verificationGasLimit.add(callGasLimit).add(preVerificationGas);
    }

    /** What the EntryPoint takes from the account's deposit up front (the prefund), at most. */
    BigInteger maxCost() {
        return gasLimit().multiply(maxFeePerGas);
    }

    private static Bytes32 packed(BigInteger high, BigInteger low) {
        return new Bytes32(Numeric.toBytesPadded(high.shiftLeft(128).or(low), 32));
    }

    private static DynamicBytes bytes(String hex) {
        return new DynamicBytes(Numeric.hexStringToByteArray(hex));
    }
}
