package org.firebreak.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.firebreak.chain.ServedAccounts.Account;
import org.springframework.stereotype.Component;

/**
 * "Check other accounts on the same delegate": for each delegate outside the allowlist, every served account that
 * delegates to it now, and whether the delegate has code (a sweeper is usually deployed just before it strikes).
 * FAIL when more than one served account is exposed to one delegate (a campaign, not one stolen key); WARN for one.
 */
@Component
class SharedDelegateDiagnostic extends ChainDiagnostic {

    private final ServedAccounts served;

    SharedDelegateDiagnostic(ChainProfiles profiles, ChainClient client, ServedAccounts served) {
        super(profiles, client, "shared-delegate",
                "Delegates outside the allowlist: which served accounts point to each, and the delegate's code");
        this.served = served;
    }

    @Override
    Finding check(ChainProfile profile, Map<String, String> options) throws ChainUnreachable {
        ServedAccounts.Snapshot now = served.read(profile);
        Map<String, String> evidence = evidence(now.answers(), now.block());
        Map<String, List<String>> byDelegate = new LinkedHashMap<>();
        for (Account a : now.notAllowed(profile)) {
            byDelegate.computeIfAbsent(a.delegate(), d -> new ArrayList<>()).add(a.address());
        }
        Problems problems = new Problems();
        if (!byDelegate.isEmpty()) {
            List<String> delegates = List.copyOf(byDelegate.keySet());
            ChainClient.Answers codes = client.send(profile, delegates.stream()
                    .<RpcCall<?>>map(d -> RpcCall.code(d, "latest")).toList());
            for (int i = 0; i < delegates.size(); i++) {
                String delegate = delegates.get(i);
                List<String> accounts = byDelegate.get(delegate);
                String code = codeOf(codes, i);
                evidence.put(delegate + ".code", hasCode(code) ? codeHash(code) + " (" + (code.length() - 2) / 2 + " bytes)"
                        : "none");
                evidence.put(delegate + ".accounts", String.join(", ", accounts));
                String message = accounts.size() + " served account(s) delegate to " + delegate
                        + " (not on the allowlist): " + String.join(", ", accounts);
                if (accounts.size() > 1) {
                    problems.fail("delegate.shared", delegate, message);
                } else {
                    problems.warn("delegate.single", delegate, message + "; no other served account points to it");
                }
            }
        }
        evidence.put("delegatesOutsideAllowlist", Integer.toString(byDelegate.size()));
        return finding(problems, "no served account delegates outside the allowlist at block " + now.block()
                + " (" + now.served() + " served)", evidence);
    }
}
