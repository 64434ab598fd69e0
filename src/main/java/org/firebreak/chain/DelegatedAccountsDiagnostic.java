package org.firebreak.chain;

import java.util.Map;

import org.firebreak.chain.ServedAccounts.Account;
import org.springframework.stereotype.Component;

/**
 * "Check the account's delegate": every served EIP-7702 account's delegate, read now, against the profile's
 * allowlist. A served account delegating outside it is {@code delegate.not-allowed} (FAIL, per account, naming the
 * old and the new delegate and the block of the change) once the block follower recorded the change; before that it
 * is {@code delegate.unfollowed} (WARN), so the alert it raises always carries the change's history.
 */
@Component
class DelegatedAccountsDiagnostic extends ChainDiagnostic {

    private final ServedAccounts served;

    DelegatedAccountsDiagnostic(ChainProfiles profiles, ChainClient client, ServedAccounts served) {
        super(profiles, client, "delegated-accounts",
                "Served EIP-7702 accounts: each one's delegate now against the allowlist, with the change the follower saw");
        this.served = served;
    }

    @Override
    Finding check(ChainProfile profile, Map<String, String> options) throws ChainUnreachable {
        ServedAccounts.Snapshot now = served.read(profile);
        Map<String, String> evidence = evidence(now.answers(), now.block());
        evidence.put("allowedDelegates", String.join(", ", profile.accounts().allowedDelegates()));
        evidence.put("servedAccounts", Integer.toString(now.served()));
        Problems problems = new Problems();
        int delegated = 0;
        for (Account a : now.accounts()) {
            if (a.delegate() == null) {
                continue;
            }
            delegated++;
            boolean allowed = a.allowed(profile);
            evidence.put(a.address() + ".delegate", a.delegate() + (allowed ? " (allowlisted)" : " (NOT on the allowlist)"));
            if (!allowed) {
                String message = a.address() + " delegates to " + a.delegate() + ", which is not on the allowlist ("
                        + a.history() + ")";
                if (a.followedAsNow()) {
                    problems.fail("delegate.not-allowed", a.address(), message);
                } else {
                    problems.warn("delegate.unfollowed", a.address(), message);
                }
            }
        }
        evidence.put("delegatedAccounts", Integer.toString(delegated));
        if (now.served() > now.accounts().size()) {
            problems.warn("accounts.too-many", "accounts", "only the first " + now.accounts().size() + " of "
                    + now.served() + " served accounts were read");
        }
        return finding(problems, now.served() == 0 ? "no served accounts: accounts.served is empty and the EntryPoint "
                + "named no sender yet" : delegated + " of " + now.served() + " served account(s) delegated, all to "
                + "allowlisted delegates at block " + now.block(), evidence);
    }
}
