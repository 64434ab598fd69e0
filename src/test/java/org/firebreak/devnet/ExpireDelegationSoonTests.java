package org.firebreak.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.firebreak.chain.CaveatTerms;
import org.firebreak.chain.ChainProfile.WatchedDelegation;
import org.firebreak.support.TestDevnet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * expire-delegation-soon moves chain time forward for good, so it runs on a devnet of its own: the shared one keeps
 * its expiry figures for every other test.
 */
@Tag("integration")
class ExpireDelegationSoonTests {

    private static Devnet devnet;
    private static DevnetChain chain;

    @BeforeAll
    static void startOwnDevnet() {
        devnet = TestDevnet.isolated();
        chain = new DevnetChain(devnet.state().anvilUrl());
    }

    @AfterAll
    static void stopIt() {
        chain.close();
        devnet.down();
    }

    /** Seconds from chain time to the end of each watched delegation's TimestampEnforcer window. */
    private static Map<String, Long> secondsLeft() {
        long now = chain.latestBlock().getTimestamp().longValueExact();
        String enforcer = devnet.state().stack().timestampEnforcer();
        return devnet.profile().delegations().stream().filter(d -> d.caveats().stream()
                        .anyMatch(c -> c.enforcer().equalsIgnoreCase(enforcer)))
                .collect(Collectors.toMap(WatchedDelegation::name, d -> d.caveats().stream()
                        .filter(c -> c.enforcer().equalsIgnoreCase(enforcer))
                        .mapToLong(c -> CaveatTerms.decode(c.terms()).before().longValueExact() - now).min().orElseThrow()));
    }

    @Test
    void chainTimeMovesToThreeDaysBeforeTheThirtyDayDelegationEndsAndStaysThere() {
        long week = Duration.ofDays(7).toSeconds();
        assertThat(secondsLeft().get("expires-in-30-days")).isGreaterThan(week);

        FaultReport report = devnet.faults().inject(Fault.EXPIRE_DELEGATION_SOON);

        assertThat(report.changed()).isTrue();
        assertThat(report.summary()).contains("expires-in-30-days now expires in 3 days")
                .contains("expired by the jump: expires-in-3-days").contains("cannot be turned back");
        Map<String, Long> left = secondsLeft();
        assertThat(left.get("expires-in-30-days")).isPositive().isLessThanOrEqualTo(Duration.ofDays(3).toSeconds())
                .isGreaterThan(Duration.ofDays(2).toSeconds());
        assertThat(left.get("expires-in-3-days")).isNegative();

        assertThat(devnet.faults().inject(Fault.EXPIRE_DELEGATION_SOON).changed()).isFalse();
        devnet.faults().clear();
        assertThat(secondsLeft().get("expires-in-30-days")).isLessThan(week);
    }
}
