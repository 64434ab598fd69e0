package org.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.firebreak.shared.web.Role;
import org.firebreak.support.HttpApi;
import org.firebreak.support.FirebreakIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The README's tour, command by command, against a running server. */
@FirebreakIntegrationTest
class CliTourTests {

    @LocalServerPort
    int port;

    private CliRun firebreak(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--server=http://127.0.0.1:" + port);
        all.add("--token=" + new HttpApi(port).tokenFor("oncall-alice", Role.ADMIN));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void openWalkAndResolveAnIncidentFromTheCommandLine() {
        CliRun opened = firebreak("incident", "open", "--title", "Redemptions revert", "--criteria", "funds at risk",
                "--type", "DELEGATION_FAILURE", "--component", "delegations");
        assertThat(opened.exit()).as(opened.err()).isZero();
        String id = opened.out().lines().findFirst().orElseThrow().split(" ")[0];
        assertThat(id).matches("INC-\\d+");
        assertThat(opened.out()).contains("severity      CRITICAL  (criteria: Funds at risk)")
                .contains("status        TRIGGERED  (next: ACKNOWLEDGED, INVESTIGATING, MITIGATED, RESOLVED)");
        List<String> checklist = opened.out().lines().dropWhile(l -> !l.startsWith("NO ")).toList();
        assertThat(checklist.get(1)).matches("1\\s+PENDING\\s+AUTOMATED\\s+Immediate actions\\s+Pause system");
        assertThat(checklist.get(3)).as("paging runs the step").matches("3\\s+PENDING\\s+AUTOMATED\\s+Immediate actions\\s+Notify team\\s*");
        assertThat(checklist.get(13)).contains("Implement fix");

        CliRun ack = firebreak("incident", "ack", id);
        assertThat(ack.out().strip()).isEqualTo(id + " is ACKNOWLEDGED (next: INVESTIGATING, MITIGATED, RESOLVED)");

        CliRun done = firebreak("step", "done", id, "2", "--note", "all redemptions since block 1200");
        assertThat(done.out()).containsPattern("2\\s+DONE\\*\\s+MANUAL\\s+Immediate actions\\s+Assess impact");
        CliRun skipped = firebreak("step", "skip", id, "1", "--reason", "pause would block the fix");
        assertThat(skipped.out()).containsPattern("1\\s+SKIPPED\\*");

        assertThat(firebreak("incident", "note", id, "rolled", "back", "the", "enforcer").out().strip())
                .isEqualTo("Noted on " + id + ".");
        assertThat(firebreak("incident", "status", id, "resolved").out()).contains(id + " is RESOLVED");

        CliRun timeline = firebreak("incident", "timeline", id);
        assertThat(timeline.out()).contains("oncall-alice").contains("STATUS_CHANGED").contains("rolled back the enforcer")
                .contains("Skipped: step 1 'Pause system' - pause would block the fix");

        CliRun json = firebreak("incident", "show", id, "--json");
        JsonNode incident = ApiClient.JSON.readTree(json.out());
        assertThat(incident.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(incident.get("timeToResolve").isNull()).isFalse();

        CliRun list = firebreak("incident", "list", "--status", "RESOLVED", "--search", "Redemptions revert");
        assertThat(list.out()).containsPattern(id + "\\s+CRITICAL\\s+RESOLVED\\s+DELEGATION_FAILURE");
    }

    @Test
    void aMaintenanceWindowIsCreatedListedAndEndedFromTheCommandLine() {
        CliRun added = firebreak("silence", "add", "--rule", "paymaster-deposit-low", "--for", "2h", "--maintenance",
                "--reason", "paymaster top-up");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).containsPattern("^MAINTENANCE #\\d+ by oncall-alice: paymaster top-up")
                .contains("matches rule=paymaster-deposit-low").contains(", active");
        String id = added.out().split(" ")[1].substring(1).strip();

        assertThat(firebreak("silence", "list").out())
                .containsPattern(id + "\\s+MAINTENANCE\\s+true\\s+rule=paymaster-deposit-low");
        CliRun ended = firebreak("silence", "end", id);
        assertThat(ended.out()).contains("(ended ").contains(", not active");
        assertThat(firebreak("silence", "list").out()).doesNotContainPattern("(?m)^" + id + "\\s");

        CliRun neither = firebreak("silence", "add", "--rule", "x", "--reason", "r");
        assertThat(neither.exit()).isEqualTo(2);
        assertThat(neither.err().strip()).isEqualTo("firebreak: give exactly one of --for or --until");
        CliRun noMatcher = firebreak("silence", "add", "--for", "1h", "--reason", "r");
        assertThat(noMatcher.exit()).isEqualTo(1);
        assertThat(noMatcher.err().strip()).startsWith("firebreak: rule: give at least one matcher");
    }

    @Test
    void theRulesInForceAreListed() {
        CliRun rules = firebreak("rules");
        assertThat(rules.exit()).as(rules.err()).isZero();
        assertThat(rules.out()).containsPattern("failed-operations\\s+CRITICAL\\s+yes\\s+\\S+\\s+more than 10 UserOperationEvent"
                + " where success == false within 5m");
    }

    @Test
    void playbooksAreListedAndShown() {
        CliRun list = firebreak("playbook", "list");
        assertThat(list.out()).containsPattern("critical-response\\s+1\\s+RESPONSE_PROCEDURE\\s+CRITICAL\\s+8")
                .containsPattern("delegation-failure\\s+1\\s+COMMON_INCIDENT\\s+DELEGATION_FAILURE\\s+5");

        CliRun show = firebreak("playbook", "show", "account-creation-failure");
        assertThat(show.out()).contains("symptoms: Users cannot create accounts, High error rate, Transaction failures")
                .containsPattern("Response\\s+Check RPC endpoint status\\s+AUTOMATED\\s+diagnostic:rpc-status");
    }

    @Test
    void aRejectedCommandPrintsOneLineAndExitsNonZero() {
        CliRun illegal = firebreak("incident", "status", "INC-999999", "CLOSED");
        assertThat(illegal.exit()).isEqualTo(1);
        assertThat(illegal.err().strip()).isEqualTo("firebreak: There is no incident INC-999999");

        CliRun badCriterion = firebreak("incident", "open", "--title", "x", "--criteria", "tuesday");
        assertThat(badCriterion.exit()).isEqualTo(1);
        assertThat(badCriterion.err().lines()).hasSize(1);
        assertThat(badCriterion.err()).startsWith("firebreak: criteria[0]: 'tuesday' is not one of the plan's criteria");

        CliRun unknownPlaybook = firebreak("playbook", "show", "nope");
        assertThat(unknownPlaybook.exit()).isEqualTo(1);
        assertThat(unknownPlaybook.err()).startsWith("firebreak: There is no playbook 'nope'");
    }

    @Test
    void anUnreachableServerIsOneLineWithExitThree() {
        StringWriter err = new StringWriter();
        int exit = FirebreakCli.commandLine(a -> null, new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute("incident", "list", "--server=http://127.0.0.1:1");
        assertThat(exit).isEqualTo(3);
        assertThat(err.toString().strip()).startsWith("firebreak: cannot reach Firebreak at http://127.0.0.1:1/");
    }

    @Test
    void helpListsEveryCommand() {
        StringWriter out = new StringWriter();
        FirebreakCli.commandLine(a -> null, new PrintWriter(out), new PrintWriter(new StringWriter())).execute("--help");
        assertThat(out.toString()).contains("incident").contains("step").contains("playbook").contains("up");
    }
    @Test
    void postAndListStatusUpdatesAndSeeWhatWasSent() {
        CliRun opened = firebreak("incident", "open", "--title", "Paymaster deposit draining", "--severity", "critical",
                "--component", "paymaster", "--commander", "oncall-alice");
        String id = opened.out().lines().findFirst().orElseThrow().split(" ")[0];

        CliRun posted = firebreak("incident", "update", id, "--text", "Deposit topped up; finding the drain",
                "--status", "identified", "--public");
        assertThat(posted.exit()).as(posted.err()).isZero();
        assertThat(posted.out().strip()).matches("Posted public update #\\d+ on " + id + " \\(identified\\)\\.");
        firebreak("incident", "update", id, "--text", "Drain stopped", "--status", "monitoring");

        List<String> updates = firebreak("incident", "updates", id).out().lines().toList();
        assertThat(updates.getFirst()).matches("#\\s+AT\\s+BY\\s+STATUS\\s+VISIBILITY\\s+TEXT");
        assertThat(updates.get(1)).containsPattern("oncall-alice\\s+identified\\s+public\\s+Deposit topped up; finding the drain");
        assertThat(updates.get(2)).containsPattern("monitoring\\s+internal\\s+Drain stopped");

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> firebreak("incident",
                "notifications", id).out().lines().filter(l -> l.contains("DELIVERED")).count() == 3);
        List<String> sent = firebreak("incident", "notifications", id).out().lines().toList();
        assertThat(sent.getFirst()).matches("KIND\\s+CHANNEL\\s+ADDRESS\\s+PERSON\\s+STATUS\\s+ATTEMPTS\\s+LAST OUTCOME");
        assertThat(sent.get(1)).matches("STAKEHOLDER_NOTICE\\s+CONSOLE\\s+stakeholders\\s+-\\s+DELIVERED\\s+1\\s+written to the log");
        assertThat(sent).anyMatch(l -> l.startsWith("STATUS_UPDATE ") && l.contains("DELIVERED"));

        CliRun bad = firebreak("incident", "update", id, "--text", "x", "--status", "fixed");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("status").contains("investigating, identified, monitoring, resolved");
    }
}
