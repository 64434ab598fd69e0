package org.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.firebreak.incident.OpenIncidentBuilder.anIncident;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.firebreak.playbook.PlaybookCatalog;
import org.firebreak.playbook.PlaybookSettings;
import org.firebreak.playbook.StepOutcome;
import org.firebreak.shared.IncidentType;
import org.firebreak.shared.Severity;
import org.junit.jupiter.api.Test;

class IncidentTest {

    private static final Instant T0 = Instant.parse("2026-11-25T03:00:00Z");
    private final PlaybookCatalog playbooks = new PlaybookCatalog(new PlaybookSettings(Path.of("no-such-dir")));
    private final ClassificationPolicy policy = new ClassificationPolicy();

    private Incident open(OpenIncident command) {
        var criteria = policy.resolve(command.criteriaOrEmpty());
        Severity classified = policy.classify(criteria).orElse(null);
        Severity severity = command.severity() != null ? command.severity() : classified;
        IncidentType type = command.type() == null ? IncidentType.UNCLASSIFIED : new IncidentType(command.type());
        return Incident.open(new IncidentId(1), command, severity, type, criteria, classified,
                playbooks.checklistFor(severity, type), "alice", T0);
    }

    private static List<String> stepIds(Incident incident) {
        return incident.steps.stream().sorted((a, b) -> a.position - b.position).map(s -> s.stepId).toList();
    }

    @Test
    void fundsAtRiskDelegationFailureStartsWithPauseSystemThenTheCriticalProcedureThenTheDelegationChecks() {
        Incident incident = open(anIncident().withCriteria("funds at risk").ofType("DELEGATION_FAILURE").build());

        assertThat(incident.severity).isEqualTo(Severity.CRITICAL);
        assertThat(stepIds(incident)).containsExactly("pause-system", "assess-impact", "notify-team", "investigate",
                "mitigate", "notify-stakeholders", "provide-status-updates", "document-all-actions",
                "check-delegation-framework", "check-permissions", "check-expiry-times", "review-recent-changes",
                "implement-fix");
        assertThat(incident.newEntries()).extracting(TimelineEntry::kind)
                .containsExactly(TimelineKind.OPENED, TimelineKind.CLASSIFIED);
        assertThat(incident.events()).singleElement().isInstanceOf(IncidentEvents.IncidentOpened.class);
    }

    @Test
    void anExplicitSeverityIsKeptAndTheMismatchWithTheCriteriaIsNoted() {
        Incident incident = open(anIncident().withCriteria("cosmetic issues").withSeverity(Severity.HIGH).build());

        assertThat(incident.severity).isEqualTo(Severity.HIGH);
        TimelineEntry mismatch = incident.newEntries().get(1);
        assertThat(mismatch.kind()).isEqualTo(TimelineKind.SEVERITY_MISMATCH);
        assertThat(mismatch.before()).isEqualTo("LOW");
        assertThat(mismatch.after()).isEqualTo("HIGH");
        assertThat(mismatch.text()).contains("Cosmetic issues").contains("give LOW");
    }

    @Test
    void acknowledgeAndInvestigateInOneMoveStampsAcknowledgement() {
        Incident incident = open(anIncident().withSeverity(Severity.HIGH).detectedAt(T0.minusSeconds(120)).build());

        incident.changeStatus(IncidentStatus.INVESTIGATING, "on it", "bob", T0.plusSeconds(60));

        assertThat(incident.status).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(incident.acknowledgedAt).isEqualTo(T0.plusSeconds(60));
        assertThat(incident.timeToAcknowledge()).isEqualTo(Duration.ofMinutes(3));
        TimelineEntry entry = incident.newEntries().getLast();
        assertThat(entry).extracting(TimelineEntry::actor, TimelineEntry::before, TimelineEntry::after)
                .containsExactly("bob", "TRIGGERED", "INVESTIGATING");
    }

    @Test
    void resolvingStampsMitigationAndTimeToResolveAndReopeningClearsResolution() {
        Incident incident = open(anIncident().withSeverity(Severity.MEDIUM).build());
        incident.changeStatus(IncidentStatus.RESOLVED, null, "bob", T0.plusSeconds(600));

        assertThat(incident.mitigatedAt).isEqualTo(T0.plusSeconds(600));
        assertThat(incident.timeToResolve()).isEqualTo(Duration.ofMinutes(10));

        incident.changeStatus(IncidentStatus.INVESTIGATING, "symptoms are back", "bob", T0.plusSeconds(900));
        assertThat(incident.resolvedAt).isNull();
        assertThat(incident.timeToResolve()).isNull();
        assertThat(incident.newEntries().getLast().text()).startsWith("Reopened: RESOLVED → INVESTIGATING");
    }

    @Test
    void anIllegalMoveIsRejectedNamingTheAllowedMovesAndChangesNothing() {
        Incident incident = open(anIncident().withSeverity(Severity.LOW).build());
        int entries = incident.newEntries().size();

        assertThatThrownBy(() -> incident.changeStatus(IncidentStatus.CLOSED, null, "bob", T0))
                .isInstanceOf(IllegalStatusChange.class)
                .hasMessage("INC-1 cannot move from TRIGGERED to CLOSED; allowed from TRIGGERED: ACKNOWLEDGED, "
                        + "INVESTIGATING, MITIGATED, RESOLVED");
        assertThat(incident.status).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(incident.newEntries()).hasSize(entries);
    }

    @Test
    void raisingHighToCriticalAddsTheCriticalProceduresStepsAndKeepsWorkDone() {
        Incident incident = open(anIncident().withCriteria("performance issues").ofType("PERFORMANCE_DEGRADATION").build());
        incident.completeStep(1, "users of the bundler only", "bob", T0.plusSeconds(30));

        incident.changeSeverity(Severity.CRITICAL, "funds now at risk",
                playbooks.procedureFor(Severity.CRITICAL).plannedSteps(),
                playbooks.playbookFor(IncidentType.PERFORMANCE_DEGRADATION).orElseThrow().plannedSteps(), "bob",
                T0.plusSeconds(60));

        assertThat(stepIds(incident)).containsExactly("pause-system", "assess-impact", "notify-team", "investigate",
                "mitigate", "notify-stakeholders", "provide-status-updates", "document-all-actions", "monitor",
                "update-status-page", "document-issue", "check-network-status", "check-rpc-performance",
                "review-recent-changes", "optimize-if-needed", "scale-infrastructure");
        ChecklistStep assess = incident.steps.stream().filter(s -> s.stepId.equals("assess-impact")).findFirst().orElseThrow();
        assertThat(assess.no).isEqualTo(1);
        assertThat(assess.state).isEqualTo(StepState.DONE);
        assertThat(incident.steps.stream().filter(s -> s.stepId.equals("pause-system")).findFirst().orElseThrow().no)
                .as("new steps get new numbers; old numbers never change").isEqualTo(13);
        assertThat(incident.newEntries()).extracting(TimelineEntry::kind).contains(TimelineKind.SEVERITY_CHANGED,
                TimelineKind.CHECKLIST_REPLANNED);
        assertThat(incident.newEntries().getLast().text()).contains("step 13 'Pause system'");
    }

    @Test
    void aStepIsSkippedOnlyOnceAndTheReasonIsRecorded() {
        Incident incident = open(anIncident().withSeverity(Severity.HIGH).build());

        incident.skipStep(4, "nothing to monitor yet", "bob", T0);

        assertThat(incident.step(4).state).isEqualTo(StepState.SKIPPED);
        assertThat(incident.step(4).note).isEqualTo("nothing to monitor yet");
        assertThatThrownBy(() -> incident.completeStep(4, null, "bob", T0)).isInstanceOf(IncidentConflict.class)
                .hasMessageContaining("already SKIPPED");
        assertThatThrownBy(() -> incident.completeStep(99, null, "bob", T0)).isInstanceOf(InvalidIncidentInput.class)
                .hasMessageContaining("no step 99");
    }

    @Test
    void aClosedIncidentTakesNoMoreChanges() {
        Incident incident = open(anIncident().withSeverity(Severity.LOW).build());
        incident.changeStatus(IncidentStatus.RESOLVED, null, "bob", T0);
        incident.changeStatus(IncidentStatus.CLOSED, null, "bob", T0);

        assertThatThrownBy(() -> incident.completeStep(1, null, "bob", T0)).isInstanceOf(IncidentConflict.class)
                .hasMessageContaining("CLOSED");
        assertThatThrownBy(() -> incident.assignCommander("carol", "bob", T0)).isInstanceOf(IncidentConflict.class);
    }

    @Test
    void runningAnAutomatedStepAttachesItsOutcomeAndCompletesTheStep() {
        Incident incident = open(anIncident().withSeverity(Severity.MEDIUM).ofType("ACCOUNT_CREATION_FAILURE").build());
        ChecklistStep rpc = incident.steps.stream().filter(s -> s.stepId.equals("check-rpc-endpoint-status"))
                .findFirst().orElseThrow();

        incident.recordStepRun(rpc.no, new StepOutcome(StepOutcome.Result.FAIL, "chain id 1 but expected 138",
                java.util.Map.of("chainId", "1")), "firebreak", T0);

        assertThat(rpc.state).isEqualTo(StepState.DONE);
        assertThat(rpc.outcome.result()).isEqualTo("FAIL");
        assertThat(incident.newEntries().getLast().text()).contains("FAIL - chain id 1 but expected 138");
    }
}
