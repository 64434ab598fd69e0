package org.firebreak.devnet;

import java.math.BigInteger;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One {@code EntryPoint.handleOps} transaction the devnet's bundler sent, and what the EntryPoint's events say
 * happened to each of its user operations, in the order they were bundled.
 *
 * @param gasUsed the bundle transaction's gas
 */
public record SentBundle(String txHash, BigInteger blockNumber, BigInteger gasUsed, List<Operation> operations) {

    public SentBundle {
        operations = List.copyOf(operations);
    }

    /**
     * One user operation as the EntryPoint reported it in {@code UserOperationEvent}, with {@code AccountDeployed}
     * when it created its account and {@code UserOperationRevertReason} when its call reverted.
     *
     * @param kind what the devnet meant it to do
     * @param actualGasUsed the EntryPoint's figure, preVerificationGas and the unused-gas penalty included
     * @param revertReason the call's revert, named when the stack's ABIs know it; null when it did not revert
     */
    public record Operation(UserOperations.Kind kind, String userOpHash, String sender, BigInteger nonce, boolean success,
            BigInteger actualGasUsed, BigInteger actualGasCost, boolean accountDeployed, @Nullable String revertReason) {
    }
}
