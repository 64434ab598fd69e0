package org.firebreak.chain;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.firebreak.chain.ChainProfile.ContractRef;
import org.springframework.stereotype.Component;
import org.web3j.abi.FunctionEncoder;
import org.web3j.utils.Numeric;

/**
 * "Check AccountFactory contract": code present and as expected, the counterfactual address computes, and
 * account creation simulates: {@code createAccount} through {@code eth_call}, and the EntryPoint's
 * {@code getSenderAddress(initCode)} reporting the same address.
 */
@Component
class AccountFactoryDiagnostic extends ChainDiagnostic {

    /** A fixed probe owner: the simulation never sends anything, so any address works. */
    static final String PROBE_OWNER = "0x000000000000000000000000000000000000f12e";
    static final BigInteger PROBE_SALT = BigInteger.valueOf(138);

    AccountFactoryDiagnostic(ChainProfiles profiles, ChainClient client) {
        super(profiles, client, "account-factory",
                "AccountFactory code present and unchanged; counterfactual address and account creation simulate");
    }

    @Override
    Finding check(ChainProfile profile, Map<String, String> options) throws ChainUnreachable {
        ContractRef factory = profile.contracts().accountFactory();
        String entryPoint = profile.contracts().entryPoint().address();
        byte[] initCode = Numeric.hexStringToByteArray(factory.address()
                + Numeric.cleanHexPrefix(FunctionEncoder.encode(StackAbi.createAccount(PROBE_OWNER, PROBE_SALT))));
        ChainClient.Answers answers = client.send(profile, List.of(RpcCall.blockNumber(),
                RpcCall.code(factory.address(), "latest"),
                RpcCall.call(factory.address(), StackAbi.encode(StackAbi.getAddress(PROBE_OWNER, PROBE_SALT)), "latest"),
                RpcCall.call(entryPoint, factory.address(), StackAbi.encode(StackAbi.createAccount(PROBE_OWNER, PROBE_SALT)),
                        "latest"),
                RpcCall.call(entryPoint, StackAbi.encode(StackAbi.getSenderAddress(initCode)), "latest")));
        long block = blockNumber(answers, 0);
        Map<String, String> evidence = evidence(answers, block);
        Problems problems = new Problems();
        if (!checkCode(factory, codeOf(answers, 1), problems, evidence)) {
            return new Finding(name(), problems.status(), problems.summary("") + " at block " + block
                    + ": new smart accounts cannot be created (AA13/AA15)", evidence, problems.list());
        }
        String counterfactual = null;
        try {
            counterfactual = StackAbi.decodeSingle(callResult(answers, 2), StackAbi.getAddress(PROBE_OWNER, PROBE_SALT));
            evidence.put("counterfactualAddress", counterfactual);
        } catch (CallReverted | RuntimeException e) {
            problems.fail("factory.get-address-failed", factory.name(), "getAddress(owner, salt) failed: " + e.getMessage());
        }
        try {
            String created = StackAbi.decodeSingle(callResult(answers, 3), StackAbi.createAccount(PROBE_OWNER, PROBE_SALT));
            evidence.put("simulatedCreateAccount", created);
            if (counterfactual != null && !created.equalsIgnoreCase(counterfactual)) {
                problems.fail("factory.address-mismatch", factory.name(), "createAccount simulates to " + created + " but getAddress says " + counterfactual);
            }
        } catch (CallReverted | RuntimeException e) {
            problems.fail("factory.create-reverted", factory.name(), "createAccount simulation reverted: " + e.getMessage());
        }
        senderAddress(answers, counterfactual, problems, evidence);
        return finding(problems, "AccountFactory " + factory.address()
                + " creates accounts (simulated " + evidence.get("simulatedCreateAccount") + ") at block " + block,
                evidence);
    }

    /** getSenderAddress must revert with SenderAddressResult(the counterfactual address). */
    private static void senderAddress(ChainClient.Answers answers, String counterfactual, Problems problems,
            Map<String, String> evidence) {
        try {
            callResult(answers, 4);
            problems.warn("entrypoint.sender-address-unexpected", "entryPoint", "EntryPoint.getSenderAddress did not revert with SenderAddressResult");
        } catch (CallReverted reverted) {
            String data = reverted.data == null ? "" : reverted.data.replace("\"", "");
            if (!data.startsWith(StackAbi.SENDER_ADDRESS_RESULT) || data.length() < 74) {
                problems.fail("entrypoint.sender-address-failed", "entryPoint", "EntryPoint.getSenderAddress(initCode) failed: " + reverted.getMessage());
                return;
            }
            String sender = "0x" + data.substring(data.length() - 40);
            evidence.put("entryPointSenderAddress", sender);
            if (sender.equals("0x" + "0".repeat(40))) {
                problems.fail("factory.init-code-fails", "accountFactory", "EntryPoint.getSenderAddress(initCode) returned address 0: the factory call fails");
            } else if (counterfactual != null && !sender.equalsIgnoreCase(counterfactual)) {
                problems.fail("factory.address-mismatch", "accountFactory", "EntryPoint says the account would be " + sender + " but the factory says " + counterfactual
                        + " (AA14)");
            }
        }
    }
}
