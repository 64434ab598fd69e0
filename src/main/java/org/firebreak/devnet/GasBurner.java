package org.firebreak.devnet;

import java.math.BigInteger;

import org.web3j.utils.Numeric;

/**
 * A contract that burns a known amount of gas, so a user operation can exceed the operators' 500,000-gas rule with
 * real execution instead of an inflated preVerificationGas. No npm package ships one, so its 18 bytes of runtime are
 * written out here; it counts the first calldata word down to zero, 40 gas a round, and stops:
 *
 * <pre>
 * 00 PUSH1 0x00  02 CALLDATALOAD             n = calldata[0:32]
 * 03 JUMPDEST    04 DUP1  05 ISZERO           loop: n == 0 ?
 * 06 PUSH1 0x10  08 JUMPI                     done when n == 0
 * 09 PUSH1 0x01  0b SWAP1  0c SUB             n = n - 1
 * 0d PUSH1 0x03  0f JUMP                      again
 * 10 JUMPDEST    11 STOP
 * </pre>
 *
 * A round costs JUMPDEST 1 + DUP1 3 + ISZERO 3 + PUSH1 3 + JUMPI 10 + PUSH1 3 + SWAP1 3 + SUB 3 + PUSH1 3 + JUMP 8.
 * The creation code copies the runtime to memory and returns it: PUSH1 0x12 DUP1 PUSH1 0x0b PUSH1 0x00 CODECOPY
 * PUSH1 0x00 RETURN.
 */
final class GasBurner {

    static final String RUNTIME = "0x600035" + "5b801560105760019003600356" + "5b00";
    static final String CREATION_CODE = "0x601280600b6000396000f3" + Numeric.cleanHexPrefix(RUNTIME);
    static final long GAS_PER_ROUND = 40;

    private GasBurner() {
    }

    /** The calldata that makes the burner spend about {@code gas} (rounds of 40 gas). */
    static String burn(long gas) {
        return "0x" + Numeric.toHexStringNoPrefixZeroPadded(BigInteger.valueOf(gas / GAS_PER_ROUND), 64);
    }
}
