package org.firebreak.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.firebreak.chain.ChainProfile.ContractRef;
import org.firebreak.chain.ChainProfile.EntryPoint;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * "Check EntryPoint contract": every EntryPoint of the profile has its code, unchanged, and can run on the chain's
 * fork level ({@link ForkLevel}: v0.8 and v0.9 need transient storage; their EIP-7702 accounts need Prague); the
 * paymaster's deposit, in the EntryPoint it serves, is above its threshold.
 */
@Component
class EntryPointDiagnostic extends ChainDiagnostic {

    EntryPointDiagnostic(ChainProfiles profiles, ChainClient client) {
        super(profiles, client, "entrypoint",
                "EntryPoint code present and unchanged and runnable on the chain's fork; paymaster deposit above its threshold");
    }

    @Override
    Finding check(ChainProfile profile, Map<String, String> options) throws ChainUnreachable {
        List<EntryPoint> entryPoints = profile.contracts().entryPoints();
        ContractRef paymaster = profile.contracts().paymaster();
        List<RpcCall<?>> calls = new ArrayList<>(List.of(RpcCall.blockNumber()));
        calls.addAll(ForkLevel.probes());
        entryPoints.forEach(e -> calls.add(RpcCall.code(e.address(), "latest")));
        if (paymaster != null) {
            calls.add(RpcCall.call(paymaster.address(), StackAbi.encode(StackAbi.ENTRY_POINT), "latest"));
            entryPoints.forEach(e -> calls.add(RpcCall.call(e.address(),
                    StackAbi.encode(StackAbi.balanceOf(paymaster.address())), "latest")));
        }
        ChainClient.Answers answers = client.send(profile, calls);
        long block = blockNumber(answers, 0);
        Map<String, String> evidence = evidence(answers, block);
        ForkLevel fork = ForkLevel.of(answers, 1);
        evidence.put("chain.fork", fork.describe());
        Problems problems = new Problems();
        List<Boolean> codeOk = new ArrayList<>();
        for (int i = 0; i < entryPoints.size(); i++) {
            EntryPoint entryPoint = entryPoints.get(i);
            evidence.put(entryPoint.name() + ".version", entryPoint.version().label());
            codeOk.add(checkCode(entryPoint.ref(), codeOf(answers, 3 + i), problems, evidence));
            fork.cannotRun(entryPoint.version()).ifPresent(why -> problems.fail("entrypoint.fork-unsupported",
                    entryPoint.name(), entryPoint.name() + " " + entryPoint.address() + " cannot run on this chain: " + why));
            fork.limits(entryPoint.version()).ifPresent(why -> problems.warn("entrypoint.fork-limited",
                    entryPoint.name(), entryPoint.name() + " " + entryPoint.address() + ": " + why));
        }
        String deposit = null;
        if (paymaster != null) {
            int served = servedEntryPoint(answers, 3 + entryPoints.size(), entryPoints);
            if (codeOk.get(served)) {
                deposit = checkDeposit(profile, paymaster, entryPoints.get(served),
                        answers, 4 + entryPoints.size() + served, problems, evidence);
            }
        }
        String versions = entryPoints.stream().map(e -> e.version().label() + " " + e.address())
                .collect(Collectors.joining(", "));
        return finding(problems, (entryPoints.size() == 1 ? "EntryPoint " : "EntryPoints ") + versions
                + (entryPoints.size() == 1 ? " has" : " have") + " the expected code on a " + fork.describe() + " chain"
                + (deposit == null ? "" : "; paymaster deposit " + eth(new BigInteger(deposit))) + " at block " + block,
                evidence);
    }

    /** The index of the EntryPoint the paymaster names as its own, or the first when it names none of them. */
    private static int servedEntryPoint(ChainClient.Answers answers, int index, List<EntryPoint> entryPoints) {
        try {
            String named = StackAbi.decodeSingle(callResult(answers, index), StackAbi.ENTRY_POINT);
            for (int i = 0; i < entryPoints.size(); i++) {
                if (entryPoints.get(i).address().equalsIgnoreCase(named)) {
                    return i;
                }
            }
        } catch (CallReverted | IllegalStateException e) {
            // A paymaster without entryPoint(): its deposit is read in the first EntryPoint.
        }
        return 0;
    }

    private static @Nullable String checkDeposit(ChainProfile profile, ContractRef paymaster, EntryPoint entryPoint,
            ChainClient.Answers answers, int index, Problems problems, Map<String, String> evidence) {
        try {
            BigInteger deposit = StackAbi.decodeSingle(callResult(answers, index), StackAbi.balanceOf(paymaster.address()));
            BigInteger minimum = profile.thresholds().paymasterMinDeposit();
            evidence.put("paymaster.address", paymaster.address());
            evidence.put("paymaster.entryPoint", entryPoint.address() + " (" + entryPoint.version().label() + ")");
            evidence.put("paymaster.depositWei", deposit.toString());
            evidence.put("paymaster.minDepositWei", minimum.toString());
            if (deposit.compareTo(minimum) < 0) {
                problems.fail("paymaster.deposit-low", paymaster.name(), "paymaster " + paymaster.address()
                        + " (EntryPoint " + entryPoint.version().label() + ") deposit " + eth(deposit) + " is below "
                        + eth(minimum) + ": sponsored operations fail with AA31");
            }
            return deposit.toString();
        } catch (CallReverted e) {
            problems.fail("paymaster.deposit-unreadable", paymaster.name(), "EntryPoint.balanceOf(paymaster) reverted: "
                    + e.getMessage());
            return null;
        }
    }
}
