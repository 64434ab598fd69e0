package org.firebreak.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.firebreak.chain.ChainProfile.ContractRef;
import org.springframework.stereotype.Component;

/** "Check EntryPoint contract": code present and as expected; the paymaster's deposit above its threshold. */
@Component
class EntryPointDiagnostic extends ChainDiagnostic {

    EntryPointDiagnostic(ChainProfiles profiles, ChainClient client) {
        super(profiles, client, "entrypoint",
                "EntryPoint code present and unchanged; paymaster deposit above its threshold");
    }

    @Override
    Finding check(ChainProfile profile, Map<String, String> options) throws ChainUnreachable {
        ContractRef entryPoint = profile.contracts().entryPoint();
        ContractRef paymaster = profile.contracts().paymaster();
        List<RpcCall<?>> calls = new ArrayList<>(List.of(RpcCall.blockNumber(), RpcCall.code(entryPoint.address(), "latest")));
        if (paymaster != null) {
            calls.add(RpcCall.call(entryPoint.address(), StackAbi.encode(StackAbi.balanceOf(paymaster.address())), "latest"));
        }
        ChainClient.Answers answers = client.send(profile, calls);
        long block = blockNumber(answers, 0);
        Map<String, String> evidence = evidence(answers, block);
        Problems problems = new Problems();
        boolean codeOk = checkCode(entryPoint, codeOf(answers, 1), problems, evidence);
        if (paymaster != null && codeOk) {
            try {
                BigInteger deposit = StackAbi.decodeSingle(callResult(answers, 2), StackAbi.balanceOf(paymaster.address()));
                BigInteger minimum = profile.thresholds().paymasterMinDeposit();
                evidence.put("paymaster.address", paymaster.address());
                evidence.put("paymaster.depositWei", deposit.toString());
                evidence.put("paymaster.minDepositWei", minimum.toString());
                if (deposit.compareTo(minimum) < 0) {
                    problems.fail("paymaster.deposit-low", paymaster.name(), "paymaster " + paymaster.address() + " deposit " + eth(deposit) + " is below "
                            + eth(minimum) + ": sponsored operations fail with AA31");
                }
            } catch (CallReverted e) {
                problems.fail("paymaster.deposit-unreadable", paymaster.name(), "EntryPoint.balanceOf(paymaster) reverted: " + e.getMessage());
            }
        }
        String deposit = evidence.get("paymaster.depositWei");
        return finding(problems, "EntryPoint " + entryPoint.address() + " has the expected code"
                + (deposit == null ? "" : "; paymaster deposit " + eth(new BigInteger(deposit))) + " at block " + block,
                evidence);
    }
}
