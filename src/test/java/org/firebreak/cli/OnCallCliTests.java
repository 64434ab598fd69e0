package org.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.firebreak.shared.web.Role;
import org.firebreak.support.HttpApi;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.OwnSchema;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code firebreak oncall ...} and {@code firebreak incident escalate|escalation} against a running server. */
@FirebreakIntegrationTest
class OnCallCliTests {

    @DynamicPropertySource
    static void ownSchema(DynamicPropertyRegistry registry) {
        OwnSchema.register(registry);
        registry.add("firebreak.oncall.paging", () -> "true");
    }

    @LocalServerPort
    int port;

    private CliRun firebreak(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--server=http://127.0.0.1:" + port);
        all.add("--token=" + new HttpApi(port).tokenFor("carol", Role.ADMIN));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void showWhoIsOnCallNowAtAnInstantAndInEverySchedule() {
        CliRun now = firebreak("oncall", "now");
        assertThat(now.exit()).as(now.err()).isZero();
        assertThat(now.out().lines().toList()).hasSize(2);
        assertThat(now.out().lines().skip(1).findFirst().orElseThrow()).matches(
                "primary\\s+2026-11-25 03:00:00Z\\s+alice\\s+CONSOLE alice\\s+2026-11-23 08:00:00Z\\s+2026-11-30 08:00:00Z\\s+layer 'Weekly rotation'");

        CliRun path = firebreak("oncall", "path");
        assertThat(path.exit()).as(path.err()).isZero();
        assertThat(path.out().lines().skip(1).toList()).satisfiesExactly(
                l1 -> assertThat(l1).matches("default\\s+L1\\s+On-call engineer\\s+alice\\s+Primary on-call\\s+"
                        + "2026-11-30 08:00:00Z"),
                l2 -> assertThat(l2).matches("default\\s+L2\\s+Senior engineer\\s+bob\\s+-\\s+-\\s*"),
                l3 -> assertThat(l3).matches("default\\s+L3\\s+Engineering lead\\s+carol\\s+-\\s+-\\s*"));

        CliRun at = firebreak("oncall", "at", "2027-03-29T09:00+02:00");
        assertThat(at.out()).containsPattern("primary\\s+2027-03-29 07:00:00Z\\s+alice\\s+CONSOLE alice\\s+2027-03-29 07:00:00Z");

        CliRun schedules = firebreak("oncall", "schedules");
        assertThat(schedules.out()).containsPattern(
                "primary\\s+Europe/Berlin\\s+Weekly rotation\\s+WEEKLY\\s+09:00\\s+2026-11-23\\s+alice, bob, carol");
    }

    @Test
    void coverTheScheduleWithAnOverride() {
        CliRun override = firebreak("oncall", "override", "primary", "--person", "bob", "--from", "2027-06-01T00:00:00Z",
                "--for", "1d", "--reason", "alice at a conference");
        assertThat(override.exit()).as(override.err()).isZero();
        assertThat(override.out()).containsPattern(
                "Override #\\d+: bob covers primary from 2027-06-01 00:00:00Z until 2027-06-02 00:00:00Z");
        assertThat(firebreak("oncall", "at", "2027-06-01T12:00:00Z", "--schedule", "primary").out())
                .contains("bob").contains("(alice at a conference)");

        CliRun unknown = firebreak("oncall", "override", "primary", "--person", "dave", "--for", "1h");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("no person 'dave'; known: alice, bob, carol");
        assertThat(firebreak("oncall", "at", "noon").exit()).isEqualTo(2);
    }

    @Test
    void escalateAnIncidentByHand() {
        CliRun opened = firebreak("incident", "open", "--title", "Paymaster drained", "--severity", "CRITICAL");
        assertThat(opened.exit()).as(opened.err()).isZero();
        String id = opened.out().lines().findFirst().orElseThrow().split(" ")[0];
        await().atMost(Duration.ofSeconds(20)).until(() -> firebreak("incident", "escalation", id).exit() == 0);

        CliRun escalated = firebreak("incident", "escalate", id, "--reason", "deposit keeps draining");
        assertThat(escalated.exit()).as(escalated.err()).isZero();
        assertThat(escalated.out()).contains(id + " escalation: PAGING, policy 'default' (The plan's escalation path), CRITICAL")
                .containsPattern("next: level 3 \\(Engineering lead\\) at 2026-11-25 03:05:00Z unless acknowledged")
                .containsPattern("1 On-call engineer\\s+1\\s+alice\\s+2026-11-25 03:00:00Z\\s+firebreak\\s+initial page")
                .containsPattern("2 Senior engineer\\s+1\\s+bob\\s+2026-11-25 03:00:00Z\\s+carol\\s+escalated by hand by carol: deposit keeps draining");
        assertThat(firebreak("incident", "escalate", id).exit()).as("--reason is required").isEqualTo(2);
    }
}
