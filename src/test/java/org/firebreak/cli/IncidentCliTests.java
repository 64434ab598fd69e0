package org.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firebreak.incident.OpenIncidentBuilder.anIncident;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.shared.Severity;
import org.firebreak.shared.web.Role;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code firebreak incident ack-all|resolve-all}: clearing an alert storm from the command line. */
@FirebreakIntegrationTest
class IncidentCliTests {

    @LocalServerPort
    int port;

    @Autowired
    IncidentApi incidents;

    private CliRun firebreak(String... args) {
        return as("storm-sam", Role.COMMANDER, args);
    }

    private CliRun as(String name, Role role, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--server=http://127.0.0.1:" + port);
        all.add("--token=" + new HttpApi(port).tokenFor(name, role));
        return CliRun.of(all.toArray(String[]::new));
    }

    private IncidentId open(String title, Severity severity, IncidentStatus... moves) {
        IncidentId id = incidents.open(anIncident().titled(title).withSeverity(severity).build(), "reporter").id();
        for (IncidentStatus move : moves) {
            incidents.changeStatus(id, move, null, "reporter");
        }
        return id;
    }

    private IncidentStatus status(IncidentId id) {
        return incidents.get(id).status();
    }

    /** The role table (docs/access.md): a responder acknowledges, by the API and the command line, not only in the console. */
    @Test
    void aResponderAcknowledgesByTheApiAndTheCommandLineButMovesNoOtherStatus() {
        IncidentId byCli = open("responder acks by cli", Severity.CRITICAL);
        IncidentId byApi = open("responder acks by api", Severity.CRITICAL);

        CliRun ack = as("resp-rita", Role.RESPONDER, "incident", "ack", byCli.toString(), "--note", "on it");
        assertThat(ack.exit()).as(ack.err()).isZero();
        assertThat(ack.out().strip()).isEqualTo(byCli + " is ACKNOWLEDGED (next: INVESTIGATING, MITIGATED, RESOLVED)");
        assertThat(status(byCli)).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(incidents.timeline(byCli)).anyMatch(e -> e.actor().equals("resp-rita") && e.text().contains("on it"));

        HttpApi.Response viewer = new HttpApi(port).as("view-vic", Role.VIEWER)
                .post("/api/v1/incidents/" + byApi + "/acknowledge", null);
        assertThat(viewer.status()).isEqualTo(403);
        HttpApi.Response api = new HttpApi(port).as("resp-ray", Role.RESPONDER)
                .post("/api/v1/incidents/" + byApi + "/acknowledge", null);
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        assertThat(api.json().get("status").asString()).isEqualTo("ACKNOWLEDGED");

        CliRun resolve = as("resp-rita", Role.RESPONDER, "incident", "status", byCli.toString(), "RESOLVED");
        assertThat(resolve.exit()).isNotZero();
        assertThat(resolve.err()).contains("needs the role commander");
        assertThat(status(byCli)).isEqualTo(IncidentStatus.ACKNOWLEDGED);
    }

    @Test
    void ackAllPrintsWhatHappenedToEachIncidentAndExitsOneWhenOneWasNotFound() {
        IncidentId triggered = open("ack-all one", Severity.HIGH);
        IncidentId acknowledged = open("ack-all two", Severity.HIGH, IncidentStatus.ACKNOWLEDGED);

        CliRun run = firebreak("incident", "ack-all", triggered.toString(), acknowledged.toString(), "INC-987654321",
                "--note", "one storm");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out().lines().toList()).satisfiesExactly(
                header -> assertThat(header).matches("INCIDENT\\s+OUTCOME\\s+STATUS\\s+REASON"),
                first -> assertThat(first).matches(triggered + "\\s+CHANGED\\s+ACKNOWLEDGED\\s+-"),
                second -> assertThat(second).matches(acknowledged + "\\s+UNCHANGED\\s+ACKNOWLEDGED\\s+already ACKNOWLEDGED"),
                missing -> assertThat(missing).matches(
                        "INC-987654321\\s+NOT_FOUND\\s+-\\s+There is no incident INC-987654321"),
                counts -> assertThat(counts).isEqualTo("1 changed, 1 unchanged, 0 refused, 1 not found"));
        assertThat(status(triggered)).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(incidents.timeline(triggered).getLast().text()).endsWith("- one storm");
        assertThat(incidents.timeline(triggered).getLast().actor()).isEqualTo("storm-sam");

        CliRun again = firebreak("incident", "ack-all", triggered.toString());
        assertThat(again.exit()).as("nothing left to do is not a failure").isZero();
        assertThat(again.out()).contains("0 changed, 1 unchanged, 0 refused, 0 not found");
    }

    @Test
    void resolveAllClearsTheOpenIncidentsAFilterSelectsAndSaysSoWhenNoneIsLeft() {
        String storm = "storm " + UUID.randomUUID().toString().substring(0, 8);
        IncidentId triggered = open(storm + " a", Severity.LOW);
        IncidentId acknowledged = open(storm + " b", Severity.LOW, IncidentStatus.ACKNOWLEDGED);
        IncidentId resolved = open(storm + " c", Severity.LOW, IncidentStatus.RESOLVED);
        IncidentId high = open(storm + " d", Severity.HIGH);

        CliRun run = firebreak("incident", "resolve-all", "--severity", "low", "--query", storm, "--note", "false alarm");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern(triggered + "\\s+CHANGED\\s+RESOLVED")
                .containsPattern(acknowledged + "\\s+CHANGED\\s+RESOLVED")
                .doesNotContain(resolved.toString()).doesNotContain(high.toString())
                .contains("2 changed, 0 unchanged, 0 refused, 0 not found");
        assertThat(List.of(status(triggered), status(acknowledged), status(high))).containsExactly(
                IncidentStatus.RESOLVED, IncidentStatus.RESOLVED, IncidentStatus.TRIGGERED);

        CliRun acked = firebreak("incident", "ack-all", "--status", "TRIGGERED", "--search", storm);
        assertThat(acked.exit()).as(acked.err()).isZero();
        assertThat(acked.out()).containsPattern(high + "\\s+CHANGED\\s+ACKNOWLEDGED").contains("1 changed");

        CliRun none = firebreak("incident", "resolve-all", "--severity", "LOW", "--search", storm);
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err().strip()).isEqualTo("firebreak: no open incident matches --severity LOW --search " + storm
                + "; nothing changed");
    }

    @Test
    void aClosedIncidentIsRefusedWithTheStatusMachinesReasonAndTheExitIsOne() {
        IncidentId closed = open("resolve-all closed", Severity.LOW, IncidentStatus.RESOLVED, IncidentStatus.CLOSED);

        CliRun run = firebreak("incident", "resolve-all", closed.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).containsPattern(closed + "\\s+REFUSED\\s+CLOSED\\s+" + closed
                + " cannot move from CLOSED to RESOLVED; allowed from CLOSED: none \\(CLOSED is final\\)");
    }

    @Test
    void badInputIsOneLineAndANonZeroExitAndChangesNothing() {
        IncidentId triggered = open("ack-all bad input", Severity.MEDIUM);

        CliRun nothing = firebreak("incident", "ack-all");
        CliRun both = firebreak("incident", "ack-all", triggered.toString(), "--status", "TRIGGERED");
        CliRun malformed = firebreak("incident", "ack-all", triggered.toString(), "banana");
        CliRun badFilter = firebreak("incident", "ack-all", "--status", "SLEEPING");
        CliRun responderResolves = as("storm-rita", Role.RESPONDER, "incident", "resolve-all", triggered.toString());

        assertThat(nothing.exit()).isEqualTo(2);
        assertThat(nothing.err().strip()).isEqualTo("firebreak: give incident ids (e.g. INC-1 INC-2) or a filter: "
                + "--status, --severity, --type, --search");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err().strip()).isEqualTo("firebreak: give incident ids or a filter (--status TRIGGERED), not both");
        assertThat(malformed.exit()).isEqualTo(1);
        assertThat(malformed.err().strip())
                .isEqualTo("firebreak: incidents[1]: 'banana' is not an incident id; use the form INC-7");
        assertThat(badFilter.exit()).isEqualTo(1);
        assertThat(badFilter.err().strip()).startsWith("firebreak: status: 'SLEEPING' is not valid");
        assertThat(responderResolves.exit()).isEqualTo(1);
        assertThat(responderResolves.err().strip()).isEqualTo("firebreak: storm-rita is a responder; resolving a "
                + "selection of incidents needs the role commander or higher");
        for (CliRun run : List.of(nothing, both, malformed, badFilter, responderResolves)) {
            assertThat(run.err().lines()).as(run.err()).hasSize(1);
            assertThat(run.out()).isEmpty();
        }
        assertThat(status(triggered)).isEqualTo(IncidentStatus.TRIGGERED);
    }
}
