package org.firebreak.chain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.firebreak.chain.ChainProfile.WatchedDelegation;
import org.springframework.stereotype.Component;
import org.web3j.utils.Numeric;

/**
 * "Check permissions": for each watched delegation (or one, by name or hash), whether the DelegationManager has
 * it disabled, whether its delegator has code, and whether every caveat's enforcer is deployed.
 */
@Component
class PermissionsDiagnostic extends ChainDiagnostic {

    PermissionsDiagnostic(ChainProfiles profiles, ChainClient client) {
        super(profiles, client, "permissions",
                "Watched delegations: disabled or not, delegator deployed, each caveat's enforcer deployed");
    }

    /** Checks a delegation given whole (e.g. pasted from a dApp's report) instead of a watched one. */
    Finding runFor(WatchedDelegation delegation) {
        return runWith(profile -> new ChainProfile(profile.chainId(), profile.blockTime(), profile.rpc(),
                profile.contracts(), profile.guardian(), profile.thresholds(), List.of(delegation)), Map.of());
    }

    @Override
    Finding check(ChainProfile profile, Map<String, String> options) throws ChainUnreachable {
        String wanted = options.get("delegation");
        boolean byHash = wanted != null && ChainProfile.HASH.matcher(wanted).matches();
        List<WatchedDelegation> delegations = Delegations.select(profile, byHash ? null : wanted);
        if (!byHash && wanted != null && delegations.isEmpty()) {
            return Finding.single(name(), Finding.Status.WARN, "delegation.unknown", "no watched delegation named '" + wanted + "'");
        }
        String manager = profile.contracts().delegationManager().address();
        Set<String> enforcers = new LinkedHashSet<>();
        delegations.forEach(d -> d.caveats().forEach(c -> enforcers.add(c.enforcer().toLowerCase())));
        List<RpcCall<?>> calls = new ArrayList<>(List.of(RpcCall.blockNumber()));
        for (WatchedDelegation d : delegations) {
            calls.add(RpcCall.call(manager, StackAbi.encode(StackAbi.getDelegationHash(d)), "latest"));
            calls.add(RpcCall.code(d.delegator(), "latest"));
        }
        enforcers.forEach(e -> calls.add(RpcCall.code(e, "latest")));
        ChainClient.Answers answers = client.send(profile, calls);
        long block = blockNumber(answers, 0);
        Map<String, String> evidence = evidence(answers, block);
        Problems problems = new Problems();
        Map<String, String> hashes = new java.util.LinkedHashMap<>();
        for (int i = 0; i < delegations.size(); i++) {
            WatchedDelegation d = delegations.get(i);
            try {
                byte[] hash = StackAbi.decodeSingle(callResult(answers, 1 + 2 * i), StackAbi.getDelegationHash(d));
                hashes.put(d.name(), Numeric.toHexString(hash));
                evidence.put(d.name() + ".hash", Numeric.toHexString(hash));
            } catch (CallReverted | RuntimeException e) {
                problems.fail("delegation.unhashable", d.name(), "cannot hash delegation " + d.name() + " on the DelegationManager: " + e.getMessage());
            }
            evidence.put(d.name() + ".delegator", d.delegator() + (hasCode(codeOf(answers, 2 + 2 * i))
                    ? " (contract)" : " (no code: EOA signer or undeployed account)"));
        }
        int next = 1 + 2 * delegations.size();
        for (String enforcer : enforcers) {
            if (!hasCode(codeOf(answers, next++))) {
                problems.fail("enforcer.missing", enforcer, "caveat enforcer " + enforcer + " has no code: delegations using it cannot be redeemed");
            }
        }
        if (byHash) {
            hashes.values().removeIf(h -> !h.equalsIgnoreCase(wanted));
            if (hashes.isEmpty()) {
                hashes.put(wanted, wanted);
            }
        }
        checkDisabled(profile, manager, hashes, wanted, problems, evidence);
        return finding(problems, hashes.size() + " delegation(s) enabled; "
                + enforcers.size() + " enforcer(s) deployed", evidence);
    }

    /** Second batch: disabledDelegations(hash) for every delegation hashed in the first, by name. */
    private void checkDisabled(ChainProfile profile, String manager, Map<String, String> hashes, String wanted,
            Problems problems, Map<String, String> evidence) throws ChainUnreachable {
        if (hashes.isEmpty()) {
            problems.warn("delegations.none", "delegations", wanted == null ? "no watched delegations in the chain profile"
                    : "no watched delegation named '" + wanted + "'");
            return;
        }
        List<Map.Entry<String, String>> entries = List.copyOf(hashes.entrySet());
        ChainClient.Answers answers = client.send(profile, entries.stream().<RpcCall<?>>map(e -> RpcCall.call(manager,
                StackAbi.encode(StackAbi.disabledDelegations(e.getValue())), "latest")).toList());
        for (int i = 0; i < entries.size(); i++) {
            String label = entries.get(i).getKey();
            String hash = entries.get(i).getValue();
            try {
                boolean disabled = StackAbi.decodeSingle(callResult(answers, i), StackAbi.disabledDelegations(hash));
                evidence.put(label + ".disabled", Boolean.toString(disabled));
                if (disabled) {
                    problems.fail("delegation.disabled", label, "delegation " + label + " (" + hash + ") is disabled: redemptions revert with "
                            + "CannotUseADisabledDelegation");
                }
            } catch (CallReverted | RuntimeException e) {
                problems.fail("delegation.unreadable", hash, "disabledDelegations(" + hash + ") failed: " + e.getMessage());
            }
        }
    }
}
