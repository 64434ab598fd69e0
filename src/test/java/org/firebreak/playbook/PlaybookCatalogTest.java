package org.firebreak.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.firebreak.shared.IncidentType;
import org.firebreak.shared.InvalidConfiguration;
import org.firebreak.shared.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookCatalogTest {

    @TempDir
    Path dir;

    private PlaybookCatalog shipped() {
        return new PlaybookCatalog(new PlaybookSettings(dir.resolve("absent")));
    }

    private static List<String> titles(Playbook playbook) {
        return playbook.plannedSteps().stream().map(s -> s.step().title()).toList();
    }

    @Test
    void theCriticalProcedureIsThePlansImmediateActionsThenItsCommunicationDuties() {
        Playbook critical = shipped().procedureFor(Severity.CRITICAL);
        assertThat(titles(critical)).containsExactly("Pause system", "Assess impact", "Notify team", "Investigate",
                "Mitigate", "Notify stakeholders immediately", "Provide status updates", "Document all actions");
        assertThat(critical.sections()).extracting(PlaybookSection::name).containsExactly("Immediate actions", "Communication");
        assertThat(critical.plannedSteps().getFirst().step().automation()).isEqualTo("action:pause-contracts");
    }

    @Test
    void theHighProcedureIsAssessInvestigateMitigateMonitorThenNotifyUpdateDocument() {
        assertThat(titles(shipped().procedureFor(Severity.HIGH))).containsExactly("Assess impact", "Investigate",
                "Mitigate", "Monitor", "Notify team", "Update status page", "Document issue");
    }

    @Test
    void mediumAndLowShareTheStandardProcedure() {
        PlaybookCatalog catalog = shipped();
        assertThat(catalog.procedureFor(Severity.MEDIUM).id()).isEqualTo("standard-response");
        assertThat(catalog.procedureFor(Severity.LOW)).isSameAs(catalog.procedureFor(Severity.MEDIUM));
    }

    @Test
    void theThreeCommonIncidentPlaybooksCarryThePlansSymptomsAndChecksInOrder() {
        PlaybookCatalog catalog = shipped();
        Playbook creation = catalog.playbookFor(IncidentType.ACCOUNT_CREATION_FAILURE).orElseThrow();
        assertThat(creation.symptoms()).containsExactly("Users cannot create accounts", "High error rate",
                "Transaction failures");
        assertThat(titles(creation)).containsExactly("Check RPC endpoint status", "Check EntryPoint contract",
                "Check AccountFactory contract", "Check gas prices", "Implement fix");

        Playbook delegation = catalog.playbookFor(IncidentType.DELEGATION_FAILURE).orElseThrow();
        assertThat(delegation.symptoms()).containsExactly("Delegations not granted", "dApps cannot execute",
                "High failure rate");
        assertThat(titles(delegation)).containsExactly("Check delegation framework", "Check permissions",
                "Check expiry times", "Review recent changes", "Implement fix");

        Playbook performance = catalog.playbookFor(IncidentType.PERFORMANCE_DEGRADATION).orElseThrow();
        assertThat(performance.symptoms()).containsExactly("Slow account creation", "High gas usage", "Timeout errors");
        assertThat(titles(performance)).containsExactly("Check network status", "Check RPC performance",
                "Review recent changes", "Optimize if needed", "Scale infrastructure");
    }

    @Test
    void everyCheckStepIsAutomatedAndEveryImplementStepIsManual() {
        for (Playbook playbook : shipped().all()) {
            for (PlannedStep planned : playbook.plannedSteps()) {
                if (planned.step().title().startsWith("Check ")) {
                    assertThat(planned.step().kind()).as(planned.step().title()).isEqualTo(StepKind.AUTOMATED);
                    assertThat(planned.step().automation()).startsWith("diagnostic:");
                }
            }
        }
        assertThat(shipped().find("delegation-failure").orElseThrow().plannedSteps().getLast().step().kind())
                .isEqualTo(StepKind.MANUAL);
    }

    @Test
    void everyPlaybookHasIdVersionOwnerAndReviewDate() {
        assertThat(shipped().all()).hasSize(7).allSatisfy(p -> {
            assertThat(p.version()).isPositive();
            assertThat(p.owner()).isNotBlank();
            assertThat(p.reviewBy()).isNotNull();
        });
    }

    @Test
    void knownTypesAreThePlaybooksTypesPlusUnclassified() {
        assertThat(shipped().knownTypes()).extracting(IncidentType::name).containsExactly("ACCOUNT_CREATION_FAILURE",
                "DELEGATED_ACCOUNT_DRAINED", "DELEGATION_FAILURE", "PERFORMANCE_DEGRADATION", "UNCLASSIFIED");
    }

    @Test
    void anOperatorPlaybookAddsANewIncidentType() throws IOException {
        write("paymaster.yml", """
                id: paymaster-drained
                version: 1
                title: Paymaster deposit drained
                kind: COMMON_INCIDENT
                incidentType: PAYMASTER_DRAINED
                owner: ops
                reviewBy: 2027-06-01
                sections:
                  - name: Response
                    steps:
                      - { id: check-entrypoint-contract, title: Check EntryPoint contract, automation: diagnostic:entrypoint }
                      - { id: refill-deposit, title: Refill the deposit }
                """);
        PlaybookCatalog catalog = new PlaybookCatalog(new PlaybookSettings(dir));
        assertThat(catalog.knownTypes()).contains(new IncidentType("PAYMASTER_DRAINED"));
        assertThat(catalog.checklistFor(Severity.HIGH, new IncidentType("PAYMASTER_DRAINED")))
                .extracting(s -> s.step().id()).endsWith("check-entrypoint-contract", "refill-deposit");
    }

    @Test
    void anOperatorPlaybookWithAShippedIdReplacesIt() throws IOException {
        write("critical.yml", """
                id: critical-response
                version: 2
                title: Critical incident response (ours)
                kind: RESPONSE_PROCEDURE
                severities: [CRITICAL]
                owner: ops
                reviewBy: 2027-06-01
                sections:
                  - name: Immediate actions
                    steps:
                      - { id: pause-system, title: Pause system, automation: action:pause-contracts }
                      - { id: call-the-lead, title: Call the engineering lead }
                """);
        Playbook critical = new PlaybookCatalog(new PlaybookSettings(dir)).procedureFor(Severity.CRITICAL);
        assertThat(critical.version()).isEqualTo(2);
        assertThat(titles(critical)).containsExactly("Pause system", "Call the engineering lead");
    }

    @Test
    void anUnknownFieldIsRejectedWithFileLineAndField() throws IOException {
        Path file = write("bad.yml", oneStepPlaybookEndingWith("automaton: diagnostic:rpc-status"));
        assertThatThrownBy(() -> new PlaybookCatalog(new PlaybookSettings(dir)))
                .isInstanceOfSatisfying(InvalidConfiguration.class, e -> {
                    assertThat(e.source()).isEqualTo(file.toString());
                    assertThat(e.line()).isEqualTo(13);
                    assertThat(e.field()).isEqualTo("sections[0].steps[0].automaton");
                    assertThat(e.getMessage()).contains("unknown field").contains("automation");
                });
    }

    @Test
    void aMalformedAutomationIdIsRejectedNamingTheField() throws IOException {
        write("bad.yml", oneStepPlaybookEndingWith("automation: \"run the thing\""));
        assertThatThrownBy(() -> new PlaybookCatalog(new PlaybookSettings(dir)))
                .isInstanceOfSatisfying(InvalidConfiguration.class, e -> {
                    assertThat(e.field()).isEqualTo("sections[0].steps[0].automation");
                    assertThat(e.line()).isEqualTo(13);
                    assertThat(e.getMessage()).contains("bad.yml:").contains("'diagnostic:<name>'");
                });
    }

    @Test
    void aMissingReviewDateIsRejected() throws IOException {
        write("bad.yml", """
                id: bad-three
                version: 1
                title: Bad
                kind: COMMON_INCIDENT
                incidentType: BAD_THREE
                owner: ops
                sections:
                  - name: Response
                    steps: [ { id: step-one, title: One } ]
                """);
        assertThatThrownBy(() -> new PlaybookCatalog(new PlaybookSettings(dir)))
                .isInstanceOfSatisfying(InvalidConfiguration.class, e -> assertThat(e.field()).isEqualTo("reviewBy"));
    }

    @Test
    void twoProceduresForOneSeverityAreRejectedNamingBoth() throws IOException {
        write("second-critical.yml", """
                id: second-critical
                version: 1
                title: Another critical
                kind: RESPONSE_PROCEDURE
                severities: [CRITICAL]
                owner: ops
                reviewBy: 2027-06-01
                sections:
                  - name: Actions
                    steps: [ { id: step-one, title: One } ]
                """);
        assertThatThrownBy(() -> new PlaybookCatalog(new PlaybookSettings(dir)))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("second-critical.yml").hasMessageContaining("critical-response");
    }

    @Test
    void invalidYamlSyntaxIsRejectedWithTheLine() throws IOException {
        write("broken.yml", "id: broken\nversion: 1\nsections: [\n  - name: x\n");
        assertThatThrownBy(() -> new PlaybookCatalog(new PlaybookSettings(dir)))
                .isInstanceOfSatisfying(InvalidConfiguration.class, e -> {
                    assertThat(e.source()).endsWith("broken.yml");
                    assertThat(e.line()).isPositive();
                });
    }

    /** A common-incident playbook whose single step ends with the given line, on line 13 of the file. */
    private static String oneStepPlaybookEndingWith(String lastLine) {
        return """
                id: bad-one
                version: 1
                title: Bad
                kind: COMMON_INCIDENT
                incidentType: BAD_ONE
                owner: ops
                reviewBy: 2027-06-01
                sections:
                  - name: Response
                    steps:
                      - id: step-one
                        title: One
                """ + "        " + lastLine + "\n";
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }
}
