package org.firebreak.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.firebreak.chain.ChainProfile.ContractRef;
import org.springframework.stereotype.Component;
import org.web3j.protocol.core.methods.response.EthLog;

/**
 * "Check delegation framework": the DelegationManager's code, whether it is paused (and since which block),
 * its owner and any pending ownership transfer, and every configured caveat enforcer deployed as expected.
 */
@Component
class DelegationFrameworkDiagnostic extends ChainDiagnostic {

    /** How far back to look for the Paused event that explains a pause. */
    static final long PAUSE_LOOKBACK_BLOCKS = 9_000;

    DelegationFrameworkDiagnostic(ChainProfiles profiles, ChainClient client) {
        super(profiles, client, "delegation-framework",
                "DelegationManager code, paused or not, owner; caveat enforcers deployed");
    }

    @Override
    Finding check(ChainProfile profile, Map<String, String> options) throws ChainUnreachable {
        ContractRef manager = profile.contracts().delegationManager();
        List<ContractRef> enforcers = profile.contracts().enforcers();
        List<RpcCall<?>> calls = new ArrayList<>(List.of(RpcCall.blockNumber(), RpcCall.code(manager.address(), "latest"),
                RpcCall.call(manager.address(), StackAbi.encode(StackAbi.PAUSED), "latest"),
                RpcCall.call(manager.address(), StackAbi.encode(StackAbi.OWNER), "latest"),
                RpcCall.call(manager.address(), StackAbi.encode(StackAbi.PENDING_OWNER), "latest")));
        enforcers.forEach(e -> calls.add(RpcCall.code(e.address(), "latest")));
        ChainClient.Answers answers = client.send(profile, calls);
        long block = blockNumber(answers, 0);
        Map<String, String> evidence = evidence(answers, block);
        Problems problems = new Problems();
        if (checkCode(manager, codeOf(answers, 1), problems, evidence)) {
            try {
                boolean paused = StackAbi.decodeSingle(callResult(answers, 2), StackAbi.PAUSED);
                String owner = StackAbi.decodeSingle(callResult(answers, 3), StackAbi.OWNER);
                String pending = StackAbi.decodeSingle(callResult(answers, 4), StackAbi.PENDING_OWNER);
                evidence.put("paused", Boolean.toString(paused));
                evidence.put("owner", owner);
                evidence.put("pendingOwner", pending);
                if (paused) {
                    long since = pausedSince(profile, manager.address(), block);
                    evidence.put("pausedSinceBlock", since < 0 ? "unknown" : Long.toString(since));
                    problems.fail("delegation-manager.paused", manager.name(), "DelegationManager " + manager.address() + " is paused"
                            + (since < 0 ? "" : " since block " + since) + ": every redeemDelegations reverts (EnforcedPause)");
                }
                ChainProfile.Guardian guardian = profile.guardian();
                if (guardian != null && !guardian.address().equalsIgnoreCase(owner)) {
                    problems.fail("ownership.changed", manager.name(), "the DelegationManager is owned by " + owner
                            + ", not the guardian " + guardian.address() + ": the guardian can no longer pause it");
                }
                if (!pending.equals("0x" + "0".repeat(40))) {
                    problems.warn("ownership.transfer-pending", manager.name(), "ownership transfer of the DelegationManager to " + pending + " is pending");
                }
            } catch (CallReverted | RuntimeException e) {
                problems.fail("delegation-manager.unreadable", manager.name(), "reading the DelegationManager failed: " + e.getMessage());
            }
        }
        for (int i = 0; i < enforcers.size(); i++) {
            checkCode(enforcers.get(i), codeOf(answers, 5 + i), problems, evidence);
        }
        return finding(problems, "DelegationManager " + manager.address()
                + " is live (not paused, owner " + evidence.get("owner") + "); " + enforcers.size()
                + " enforcers deployed", evidence);
    }

    /** The block of the latest Paused event, or -1 when it is older than the look-back window. */
    private long pausedSince(ChainProfile profile, String manager, long head) throws ChainUnreachable {
        long from = Math.max(0, head - PAUSE_LOOKBACK_BLOCKS);
        EthLog log = client.send(profile, List.of(RpcCall.logs(List.of(manager), from, head,
                List.of(StackAbi.PAUSED_EVENT)))).get(0, EthLog.class);
        if (log.hasError() || log.getLogs().isEmpty()) {
            return -1;
        }
        var last = (EthLog.LogObject) log.getLogs().getLast();
        return last.getBlockNumber().longValueExact();
    }
}
