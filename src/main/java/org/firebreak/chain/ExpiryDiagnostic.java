package org.firebreak.chain;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.firebreak.chain.ChainProfile.ContractRef;
import org.firebreak.chain.ChainProfile.WatchedDelegation;
import org.firebreak.shared.TimeText;
import org.springframework.stereotype.Component;
import org.web3j.protocol.core.methods.response.EthBlock;

/**
 * "Check expiry times": decodes the TimestampEnforcer and BlockNumberEnforcer caveats of the watched
 * delegations against the chain's own time and height; expired ones fail, ones ending within the horizon
 * (7 days by default) warn.
 */
@Component
class ExpiryDiagnostic extends ChainDiagnostic {

    ExpiryDiagnostic(ChainProfiles profiles, ChainClient client) {
        super(profiles, client, "expiry",
                "Watched delegations' timestamp and block-number caveats against chain time; expiring within the horizon");
    }

    @Override
    Finding check(ChainProfile profile, Map<String, String> options) throws ChainUnreachable {
        ChainClient.Answers answers = client.send(profile, List.of(RpcCall.blockNumber(), RpcCall.block("latest")));
        EthBlock.Block head = answers.get(1, EthBlock.class).getBlock();
        long block = head.getNumber().longValueExact();
        long now = head.getTimestamp().longValueExact();
        Map<String, String> evidence = evidence(answers, block);
        evidence.put("chainTime", Instant.ofEpochSecond(now).toString());
        Optional<String> timestampEnforcer = enforcer(profile, "timestamp");
        Optional<String> blockEnforcer = enforcer(profile, "blocknumber");
        Duration horizon = profile.thresholds().expiryHorizon();
        long horizonBlocks = horizon.toSeconds() / Math.max(1, profile.blockTime().toSeconds());
        Problems problems = new Problems();
        List<WatchedDelegation> delegations = Delegations.select(profile, options.get("delegation"));
        int withEnd = 0;
        for (WatchedDelegation d : delegations) {
            for (WatchedDelegation.Caveat caveat : d.caveats()) {
                boolean byTime = timestampEnforcer.filter(caveat.enforcer()::equalsIgnoreCase).isPresent();
                boolean byBlock = blockEnforcer.filter(caveat.enforcer()::equalsIgnoreCase).isPresent();
                if (!byTime && !byBlock) {
                    continue;
                }
                CaveatTerms terms = CaveatTerms.decode(caveat.terms());
                long position = byTime ? now : block;
                long window = byTime ? horizon.toSeconds() : horizonBlocks;
                if (terms.hasEnd()) {
                    withEnd++;
                    evidence.put(d.name() + (byTime ? ".expiresAt" : ".expiresAtBlock"),
                            byTime ? Instant.ofEpochSecond(terms.before().longValueExact()).toString() : terms.before().toString());
                }
                String remaining = byTime ? human(Duration.ofSeconds(terms.before().longValueExact() - now))
                        : (terms.before().longValueExact() - block) + " blocks";
                if (terms.expiredAt(position)) {
                    problems.fail("delegation.expired", d.name(), "delegation " + d.name() + " expired " + (byTime ? "at "
                            + Instant.ofEpochSecond(terms.before().longValueExact()) : "at block " + terms.before())
                            + ": redemptions revert (" + (byTime ? "TimestampEnforcer" : "BlockNumberEnforcer") + ")");
                } else if (terms.notYetValidAt(position)) {
                    problems.warn("delegation.not-yet-valid", d.name(), "delegation " + d.name() + " is not valid yet (from " + terms.after() + ")");
                } else if (terms.hasEnd() && terms.before().subtract(BigInteger.valueOf(position))
                        .compareTo(BigInteger.valueOf(window)) <= 0) {
                    problems.warn("delegation.expiring", d.name(), "delegation " + d.name() + " expires in " + remaining);
                }
            }
        }
        evidence.put("delegationsChecked", Integer.toString(delegations.size()));
        evidence.put("horizon", horizon.toString());
        return finding(problems, delegations.size() + " watched delegations, " + withEnd
                + " with an end: none expires within " + human(horizon), evidence);
    }

    private static Optional<String> enforcer(ChainProfile profile, String kind) {
        return profile.contracts().enforcers().stream()
                .filter(e -> e.name().toLowerCase(Locale.ROOT).replace("_", "").startsWith(kind))
                .map(ContractRef::address).findFirst();
    }

    static String human(Duration d) {
        if (d.isNegative()) {
            return "the past";
        }
        return TimeText.duration(d);
    }
}
