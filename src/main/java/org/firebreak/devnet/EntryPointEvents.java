package org.firebreak.devnet;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.EventValues;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.Contract;
import org.web3j.utils.Numeric;

/** The EntryPoint v0.7 events of a {@code handleOps} receipt, decoded by web3j and keyed by userOpHash. */
final class EntryPointEvents {

    static final Event USER_OPERATION_EVENT = new Event("UserOperationEvent", List.of(
            TypeReference.create(Bytes32.class, true), TypeReference.create(Address.class, true),
            TypeReference.create(Address.class, true), TypeReference.create(Uint256.class),
            TypeReference.create(Bool.class), TypeReference.create(Uint256.class), TypeReference.create(Uint256.class)));
    static final Event ACCOUNT_DEPLOYED = new Event("AccountDeployed", List.of(
            TypeReference.create(Bytes32.class, true), TypeReference.create(Address.class, true),
            TypeReference.create(Address.class), TypeReference.create(Address.class)));
    static final Event USER_OPERATION_REVERT_REASON = new Event("UserOperationRevertReason", List.of(
            TypeReference.create(Bytes32.class, true), TypeReference.create(Address.class, true),
            TypeReference.create(Uint256.class), TypeReference.create(DynamicBytes.class)));

    private final Map<String, EventValues> operations = new HashMap<>();
    private final Map<String, EventValues> deployments = new HashMap<>();
    private final Map<String, String> reverts = new HashMap<>();

    EntryPointEvents(TransactionReceipt receipt, String entryPoint) {
        for (Log log : receipt.getLogs()) {
            if (!log.getAddress().equalsIgnoreCase(entryPoint) || log.getTopics().isEmpty()) {
                continue;
            }
            String topic = log.getTopics().getFirst();
            String userOpHash = log.getTopics().size() > 1 ? log.getTopics().get(1) : "";
            if (topic.equals(EventEncoder.encode(USER_OPERATION_EVENT))) {
                operations.put(userOpHash, Contract.staticExtractEventParameters(USER_OPERATION_EVENT, log));
            } else if (topic.equals(EventEncoder.encode(ACCOUNT_DEPLOYED))) {
                deployments.put(userOpHash, Contract.staticExtractEventParameters(ACCOUNT_DEPLOYED, log));
            } else if (topic.equals(EventEncoder.encode(USER_OPERATION_REVERT_REASON))) {
                byte[] reason = (byte[]) Contract.staticExtractEventParameters(USER_OPERATION_REVERT_REASON, log)
                        .getNonIndexedValues().get(1).getValue();
                reverts.put(userOpHash, Numeric.toHexString(reason));
            }
        }
    }

    /** What {@code UserOperationEvent} and its companions say about the operation with {@code userOpHash}. */
    SentBundle.Operation operation(UserOperations.Kind kind, String userOpHash, RevertReasons reasons) {
        EventValues event = operations.get(userOpHash);
        if (event == null) {
            throw new DevnetFailure("the EntryPoint emitted no UserOperationEvent for user operation " + userOpHash);
        }
        var data = event.getNonIndexedValues();
        @Nullable String revert = reverts.get(userOpHash);
        return new SentBundle.Operation(kind, userOpHash, (String) event.getIndexedValues().get(1).getValue(),
                (BigInteger) data.get(0).getValue(), (Boolean) data.get(1).getValue(), (BigInteger) data.get(3).getValue(),
                (BigInteger) data.get(2).getValue(), deployments.containsKey(userOpHash),
                revert == null ? null : reasons.describe(revert));
    }
}
