package org.firebreak.devnet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.firebreak.chain.CaveatTerms;
import org.firebreak.chain.ChainProfile.WatchedDelegation;
import org.firebreak.chain.ChainProfile;
import org.firebreak.shared.TimeText;

/**
 * The expire-delegation-soon fault: chain time jumps forward ({@code evm_setNextBlockTimestamp}, then a block) to
 * {@link #LEFT} before the end of the watched delegation that ends soonest beyond the expiry horizon (on a fresh
 * devnet, expires-in-30-days, 27 days on). Chain time only moves forward: delegations that end sooner expire with the
 * jump, and nothing undoes it.
 */
final class ExpiryWarp {

    /** How long the delegation has left after the jump: inside the 7-day horizon, not yet expired. */
    static final Duration LEFT = Duration.ofDays(3);

    private final DevnetChain chain;
    private final ChainProfile profile;
    private final String timestampEnforcer;

    ExpiryWarp(DevnetChain chain, ChainProfile profile, String timestampEnforcer) {
        this.chain = chain;
        this.profile = profile;
        this.timestampEnforcer = timestampEnforcer;
    }

    private record Expiry(String delegation, long at) {
    }

    FaultReport warp() {
        String id = Fault.EXPIRE_DELEGATION_SOON.id();
        long now = chain.latestBlock().getTimestamp().longValueExact();
        Duration horizon = profile.thresholds().expiryHorizon();
        Optional<Expiry> target = expiries().stream().filter(e -> e.at() - now > horizon.toSeconds())
                .min(Comparator.comparingLong(Expiry::at));
        if (target.isEmpty()) {
            return new FaultReport(id, false, "no watched delegation ends more than " + horizon.toDays()
                    + " days after chain time " + Instant.ofEpochSecond(now) + ": none to bring inside the horizon", null);
        }
        long to = target.get().at() - LEFT.toSeconds();
        chain.anvil("evm_setNextBlockTimestamp", to);
        chain.anvil("evm_mine");
        List<String> expired = new ArrayList<>();
        expiries().stream().filter(e -> e.at() > now && e.at() <= to).forEach(e -> expired.add(e.delegation()));
        Duration jump = Duration.ofSeconds(to - now);
        return new FaultReport(id, true, "chain time jumped " + TimeText.duration(jump) + " ahead to "
                + Instant.ofEpochSecond(to) + " (block " + chain.blockNumber() + "): delegation " + target.get().delegation()
                + " now expires in " + LEFT.toDays() + " days" + (expired.isEmpty() ? "" : "; expired by the jump: "
                + String.join(", ", expired)) + "; chain time cannot be turned back", null);
    }

    /** The end of every watched delegation's TimestampEnforcer window that has one. */
    private List<Expiry> expiries() {
        List<Expiry> expiries = new ArrayList<>();
        for (WatchedDelegation d : profile.delegations()) {
            for (WatchedDelegation.Caveat caveat : d.caveats()) {
                if (caveat.enforcer().equalsIgnoreCase(timestampEnforcer)) {
                    long before = CaveatTerms.decode(caveat.terms()).before().longValueExact();
                    if (before > 0) {
                        expiries.add(new Expiry(d.name(), before));
                    }
                }
            }
        }
        return expiries;
    }
}
