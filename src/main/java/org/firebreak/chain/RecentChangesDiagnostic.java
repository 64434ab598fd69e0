package org.firebreak.chain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.firebreak.chain.ChainProfile.ContractRef;
import org.springframework.stereotype.Component;
import org.web3j.protocol.core.methods.response.EthLog;

/**
 * "Review recent changes": admin events on the stack's contracts in the recent window (pauses, ownership
 * transfers, upgrades, delegations disabled or enabled), any contract whose code no longer matches the
 * profile, and when the chain profile itself last changed.
 */
@Component
class RecentChangesDiagnostic extends ChainDiagnostic {

    /** The window to review, in blocks; within the public RPC's 10,000-block eth_getLogs cap. */
    static final long WINDOW_BLOCKS = 5_000;

    RecentChangesDiagnostic(ChainProfiles profiles, ChainClient client) {
        super(profiles, client, "recent-changes",
                "Admin events and code changes on the stack's contracts in the last " + WINDOW_BLOCKS + " blocks");
    }

    @Override
    Finding check(ChainProfile profile, Map<String, String> options) throws ChainUnreachable {
        List<ContractRef> contracts = contracts(profile);
        List<RpcCall<?>> calls = new ArrayList<>(List.of(RpcCall.blockNumber()));
        contracts.forEach(c -> calls.add(RpcCall.code(c.address(), "latest")));
        ChainClient.Answers answers = client.send(profile, calls);
        long block = blockNumber(answers, 0);
        Map<String, String> evidence = evidence(answers, block);
        Problems problems = new Problems();
        for (int i = 0; i < contracts.size(); i++) {
            checkCode(contracts.get(i), codeOf(answers, 1 + i), problems, evidence);
        }
        long from = Math.max(0, block - WINDOW_BLOCKS);
        evidence.put("window", from + "-" + block);
        EthLog logs = client.send(profile, List.of(RpcCall.logs(contracts.stream().map(ContractRef::address).toList(),
                from, block, List.copyOf(StackAbi.ADMIN_EVENTS.keySet())))).get(0, EthLog.class);
        failOnError(logs);
        List<String> events = new ArrayList<>();
        for (EthLog.LogResult<?> result : logs.getLogs()) {
            EthLog.LogObject log = (EthLog.LogObject) result;
            if (isDeployment(log)) {
                continue;
            }
            String event = StackAbi.ADMIN_EVENTS.get(log.getTopics().getFirst());
            events.add(event + " on " + name(contracts, log.getAddress()) + " at block " + log.getBlockNumber()
                    + " (tx " + log.getTransactionHash() + ")");
        }
        evidence.put("adminEvents", Integer.toString(events.size()));
        for (int i = 0; i < events.size() && i < 20; i++) {
            evidence.put("event." + (i + 1), events.get(i));
        }
        profiles.lastChanged().ifPresent(at -> evidence.put("chainProfileChangedAt", at.toString()));
        if (!events.isEmpty()) {
            problems.warn("admin.changed", "stack", events.size() + " admin change(s) in blocks " + from + "-" + block + ", latest: " + events.getLast());
        }
        return finding(problems, "no admin changes and no code changes in blocks " + from + "-"
                + block, evidence);
    }

    /** A constructor setting the first owner (from address 0) is how a contract is born, not a change to it. */
    private static boolean isDeployment(EthLog.LogObject log) {
        return log.getTopics().getFirst().equals(StackAbi.OWNERSHIP_TRANSFERRED) && log.getTopics().size() > 1
                && new java.math.BigInteger(org.web3j.utils.Numeric.cleanHexPrefix(log.getTopics().get(1)), 16).signum() == 0;
    }

    private static List<ContractRef> contracts(ChainProfile profile) {
        List<ContractRef> all = new ArrayList<>(profile.contracts().entryPoints().stream()
                .map(ChainProfile.EntryPoint::ref).toList());
        all.addAll(List.of(profile.contracts().accountFactory(), profile.contracts().delegationManager()));
        if (profile.contracts().paymaster() != null) {
            all.add(profile.contracts().paymaster());
        }
        all.addAll(profile.contracts().enforcers());
        profile.contracts().pausable().stream().filter(p -> all.stream().noneMatch(c -> c.address()
                .equalsIgnoreCase(p.address()))).forEach(all::add);
        return all;
    }

    private static String name(List<ContractRef> contracts, String address) {
        return contracts.stream().filter(c -> c.address().equalsIgnoreCase(address)).map(ContractRef::name).findFirst()
                .orElse(address);
    }
}
