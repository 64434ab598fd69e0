package org.firebreak.devnet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Names the revert data a user operation's call left in {@code UserOperationRevertReason}: the text of
 * {@code Error(string)}, or a custom error of the DelegationManager or EntryPoint by the signature their npm ABIs
 * declare (e.g. {@code InvalidDelegate()}), else the hex.
 */
final class RevertReasons {

    private static final String ERROR_STRING = Hash.sha3String("Error(string)").substring(0, 10);

    private final Map<String, String> bySelector = new HashMap<>();

    RevertReasons(DevnetHome home) {
        List<ContractArtifact> artifacts = List.of(ContractArtifact.delegationFramework(home, "DelegationManager"),
                ContractArtifact.accountAbstraction(home, "EntryPoint"));
        artifacts.forEach(a -> a.errors().forEach(error -> bySelector.put(Hash.sha3String(error).substring(0, 10), error)));
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    String describe(String data) {
        if (data.length() < 10) {
            return data.equals("0x") ? "no revert data" : data;
        }
        String selector = data.substring(0, 10);
        if (selector.equals(ERROR_STRING)) {
            List<Type> text = FunctionReturnDecoder.decode(data.substring(10), (List) List.of(new TypeReference<Utf8String>() { }));
            return text.isEmpty() ? data : text.getFirst().getValue().toString();
        }
        String error = bySelector.get(selector);
        return error == null ? data : error + (data.length() > 10 ? " " + Numeric.prependHexPrefix(data.substring(10)) : "");
    }
}
