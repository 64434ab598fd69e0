package org.firebreak.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.firebreak.incident.BulkResult.IncidentOutcome;
import org.firebreak.playbook.PlannedStep;
import org.firebreak.playbook.PlaybookCatalog;
import org.firebreak.playbook.StepExecutor;
import org.firebreak.playbook.StepExecutors;
import org.firebreak.playbook.StepOutcome;
import org.firebreak.playbook.StepKind;
import org.firebreak.shared.IncidentType;
import org.firebreak.shared.Severity;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What other modules, the REST API, the CLI and the console do with incidents. Each command runs in one
 * transaction that writes the change, its timeline entries and its events together. Changes to one incident
 * are serialised by a row lock; should the optimistic version check still trip (a writer that bypassed the
 * lock), the command is retried against the fresh state, so no accepted command is lost.
 */
@Service
public class IncidentApi {

    private static final int ATTEMPTS = 5;

    private final Incidents incidents;
    private final PlaybookCatalog playbooks;
    private final StepExecutors executors;
    private final ClassificationPolicy classification;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final TransactionTemplate read;
    private final TransactionTemplate changes;
    private final Clock clock;
    private final ObjectProvider<CloseGuard> closeGuards;

    IncidentApi(Incidents incidents, PlaybookCatalog playbooks, StepExecutors executors,
            ClassificationPolicy classification, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock,
            ObjectProvider<CloseGuard> closeGuards) {
        this.incidents = incidents;
        this.playbooks = playbooks;
        this.executors = executors;
        this.classification = classification;
        this.events = events;
        this.tx = tx;
        // A change called inside another module's transaction (a review started, a page recorded) runs in a nested
        // one (a savepoint): a concurrent change then undoes only this attempt, the retry reads the incident anew,
        // and the caller's transaction is not left marked rollback-only by an attempt that was retried.
        this.changes = new TransactionTemplate(Objects.requireNonNull(tx.getTransactionManager()));
        this.changes.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.read = new TransactionTemplate(Objects.requireNonNull(tx.getTransactionManager()));
        this.read.setReadOnly(true);
        this.clock = clock;
        this.closeGuards = closeGuards;
    }

    /** Opens an incident: classifies it, plans its checklist from the playbooks and starts its timeline. */
    public IncidentView open(OpenIncident command, String actor) {
        IncidentType type = knownType(command.type());
        List<SeverityCriterion> criteria = classification.resolve(command.criteriaOrEmpty());
        Severity classified = classification.classify(criteria).orElse(null);
        Severity severity = command.severity() != null ? command.severity() : classified;
        if (severity == null) {
            throw new InvalidIncidentInput("severity",
                    "give a severity or at least one of the plan's criteria (e.g. \"funds at risk\")");
        }
        List<PlannedStep> plan = playbooks.checklistFor(severity, type);
        IncidentId id = tx.execute(status -> {
            Incident incident = Incident.open(incidents.nextId(), command, severity, type, criteria, classified, plan,
                    actor, clock.instant());
            incidents.insert(incident);
            incident.events().forEach(events::publishEvent);
            return incident.id;
        });
        return get(id);
    }

    /** The incident as one consistent snapshot of its row, checklist and lists. */
    public IncidentView get(IncidentId id) {
        return Objects.requireNonNull(read.execute(status -> view(load(id))));
    }

    public IncidentPage list(IncidentFilter filter, int page, int size) {
        return new IncidentPage(incidents.list(filter, size, page * size), incidents.count(filter), page, size);
    }

    /** The list rows of the given incidents, read in one query (for pages that show many); unknown ids left out. */
    public List<IncidentSummary> summaries(Collection<IncidentId> ids) {
        return incidents.summaries(ids.stream().map(IncidentId::number).collect(Collectors.toSet()));
    }

    /** Every incident detected in [from, to), oldest first, with the instants of its phases (for analytics). */
    public List<IncidentTimes> detectedBetween(Instant from, Instant to) {
        return incidents.detectedBetween(from, to);
    }

    /**
     * Markers that move whenever anything about an incident is written: one read, for pollers that must stay cheap
     * however many incidents they watch.
     */
    public ChangeMarkers changeMarkers(Collection<IncidentId> watched) {
        return incidents.changeMarkers(watched);
    }

    /**
     * Every incident still open, whenever detected, and every one detected at or after {@code since}, newest first
     * (by number), as one consistent snapshot read in two queries whatever their number (for the status page).
     */
    public List<IncidentOverview> openOrDetectedSince(Instant since) {
        return Objects.requireNonNull(read.execute(status -> incidents.openOrDetectedSince(since)));
    }

    public List<TimelineEntry> timeline(IncidentId id) {
        return Objects.requireNonNull(read.execute(status -> {
            load(id);
            return incidents.timeline(id);
        }));
    }

    /**
     * Moves the incident along the status machine. A move to CLOSED that the machine allows is first put to every
     * {@link CloseGuard}; the first refusal is answered as a conflict with its reason, and nothing is written.
     */
    public IncidentView changeStatus(IncidentId id, IncidentStatus status, @Nullable String note, String actor) {
        move(id, status, note, actor);
        return get(id);
    }

    /**
     * Acknowledges or resolves each incident of a selection, one after the other, each through the same status change
     * as one incident alone (its own transaction, timeline entry and events: paging stops for each acknowledged one).
     * One refused or missing incident does not hold up the others; the answer says what happened to each.
     */
    public BulkResult changeStatus(BulkChange change, String actor) {
        Map<IncidentId, IncidentStatus> current = summaries(change.incidents()).stream()
                .collect(Collectors.toMap(IncidentSummary::id, IncidentSummary::status));
        return BulkResult.of(change.action(), change.incidents().stream()
                .map(id -> outcome(id, current.get(id), change, actor)).toList());
    }

    private IncidentOutcome outcome(IncidentId id, @Nullable IncidentStatus status, BulkChange change, String actor) {
        if (status == null) {
            return IncidentOutcome.notFound(id);
        }
        BulkAction action = change.action();
        if (action.reached(status)) {
            return IncidentOutcome.unchanged(id, status);
        }
        try {
            return IncidentOutcome.changed(id, move(id, action.target(), change.note(), actor));
        } catch (IncidentConflict refused) {
            // Someone may have moved it since the selection was read: acknowledged meanwhile is not a refusal.
            IncidentStatus now = load(id).status;
            return action.reached(now) ? IncidentOutcome.unchanged(id, now)
                    : IncidentOutcome.refused(id, now, refused.getMessage());
        }
    }

    /** The one way an incident's status changes: close guards first, then the aggregate's own rules. */
    private IncidentStatus move(IncidentId id, IncidentStatus status, @Nullable String note, String actor) {
        if (status == IncidentStatus.CLOSED) {
            IncidentView current = get(id);
            if (current.status().canMoveTo(IncidentStatus.CLOSED)) {
                closeGuards.orderedStream().map(guard -> guard.refusal(current)).flatMap(Optional::stream).findFirst()
                        .ifPresent(reason -> {
                            throw new IncidentConflict(id + " cannot be CLOSED yet: " + reason);
                        });
            }
        }
        return apply(id, incident -> incident.changeStatus(status, note, actor, clock.instant())).status;
    }

    /** Changes severity and re-plans the checklist with the new severity's procedure. */
    public IncidentView changeSeverity(IncidentId id, Severity severity, @Nullable String reason, String actor) {
        return mutate(id, incident -> incident.changeSeverity(severity, reason,
                playbooks.procedureFor(severity).plannedSteps(),
                playbooks.playbookFor(incident.type).map(p -> p.plannedSteps()).orElse(List.of()), actor,
                clock.instant()));
    }

    public IncidentView assignCommander(IncidentId id, String commander, String actor) {
        return mutate(id, incident -> incident.assignCommander(commander.strip(), actor, clock.instant()));
    }

    public IncidentView addResponder(IncidentId id, String name, String actor) {
        return mutate(id, incident -> incident.addResponder(name.strip(), actor, clock.instant()));
    }

    public IncidentView removeResponder(IncidentId id, String name, String actor) {
        return mutate(id, incident -> incident.removeResponder(name.strip(), actor, clock.instant()));
    }

    public IncidentView addComponent(IncidentId id, String name, String actor) {
        return mutate(id, incident -> incident.addComponent(name.strip(), actor, clock.instant()));
    }

    public IncidentView removeComponent(IncidentId id, String name, String actor) {
        return mutate(id, incident -> incident.removeComponent(name.strip(), actor, clock.instant()));
    }

    /** Gives the incident a new title, recorded with the old one on the timeline; the same title changes nothing. */
    public IncidentView retitle(IncidentId id, String title, String actor) {
        return mutate(id, incident -> incident.retitle(title, actor, clock.instant()));
    }

    public IncidentView addNote(IncidentId id, String text, String actor) {
        return mutate(id, incident -> incident.addNote(text, actor, clock.instant()));
    }

    /**
     * Records what another module did about the incident (a page, a delivery attempt, a status update) on its
     * timeline; only the kinds {@link TimelineKind#recordedByOthers()} allows.
     */
    public void record(IncidentId id, TimelineKind kind, String text, String actor) {
        if (!kind.recordedByOthers()) {
            throw new IllegalArgumentException(kind + " entries are written by the incident itself");
        }
        mutate(id, incident -> incident.record(kind, text, actor, clock.instant()));
    }

    public IncidentView completeStep(IncidentId id, int step, @Nullable String note, String actor) {
        return mutate(id, incident -> incident.completeStep(step, note, actor, clock.instant()));
    }

    public IncidentView skipStep(IncidentId id, int step, String reason, String actor) {
        return mutate(id, incident -> incident.skipStep(step, reason, actor, clock.instant()));
    }

    /**
     * Runs an automated step's executor and attaches its outcome. The executor runs outside the transaction
     * (it talks to the chain); only the recording is transactional. Action steps (they change the world) need
     * {@code confirmed} and the incident commander.
     */
    public IncidentView runStep(IncidentId id, int step, String actor, boolean confirmed) {
        Incident loaded = load(id);
        if (loaded.status == IncidentStatus.CLOSED) {
            // Said before the executor runs: a closed incident would refuse its outcome after a wasted chain read.
            throw new IncidentConflict(id + " is CLOSED; a closed incident is final and takes no more changes");
        }
        ChecklistStep target = loaded.step(step);
        if (target.automation == null) {
            throw new IncidentConflict("step " + step + " '" + target.title + "' is manual: tick it or skip it");
        }
        StepExecutor executor = executors.find(target.automation)
                .orElseThrow(() -> new IncidentConflict(StepExecutors.notInstalled(target.automation)));
        if (executor.isAction()) {
            guard(id, target.automation, actor, confirmed);
        }
        StepOutcome outcome = executor.run(new StepExecutor.StepRun(id.toString(), target.stepId, actor));
        return mutate(id, incident -> incident.recordStepRun(step, outcome, actor, clock.instant()));
    }

    /**
     * Runs an installed action that is not a checklist step, such as {@code unpause-contracts} during recovery;
     * same guard as action steps, recorded on the timeline.
     */
    public IncidentView runAction(IncidentId id, String action, String actor, boolean confirmed) {
        String automation = "action:" + action;
        StepExecutor executor = executors.find(automation).filter(StepExecutor::isAction)
                .orElseThrow(() -> new InvalidIncidentInput("action", "no action '" + action + "' is installed"));
        guard(id, automation, actor, confirmed);
        StepOutcome outcome = executor.run(new StepExecutor.StepRun(id.toString(), automation, actor));
        return mutate(id, incident -> incident.recordAction(automation, outcome, actor, clock.instant()));
    }

    private void guard(IncidentId id, String automation, String actor, boolean confirmed) {
        if (!confirmed) {
            throw new InvalidIncidentInput("confirm", automation
                    + " changes the world (contracts, people): send \"confirm\": true to run it");
        }
        Optional<String> refusal = ActionPolicy.refusal(load(id), actor);
        if (refusal.isPresent()) {
            mutate(id, incident -> incident.refuseAction(automation, refusal.get(), actor, clock.instant()));
            throw new ActionRefused(refusal.get());
        }
    }

    private IncidentView mutate(IncidentId id, Consumer<Incident> change) {
        apply(id, change);
        return get(id);
    }

    /** Applies the change to the incident as locked and written in one transaction; returns it as written. */
    private Incident apply(IncidentId id, Consumer<Incident> change) {
        for (int attempt = 1;; attempt++) {
            try {
                return Objects.requireNonNull(changes.execute(status -> {
                    Incident incident = incidents.findForUpdate(id).orElseThrow(() -> new IncidentNotFound(id));
                    change.accept(incident);
                    incidents.update(incident);
                    incident.events().forEach(events::publishEvent);
                    return incident;
                }));
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw new IncidentConflict(id + " is being changed by others right now; try again");
                }
                // A little jitter, so that writers who collided do not collide again in lockstep.
                java.util.concurrent.locks.LockSupport.parkNanos(
                        java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000, 10_000_000L * attempt));
            }
        }
    }

    private Incident load(IncidentId id) {
        return incidents.find(id).orElseThrow(() -> new IncidentNotFound(id));
    }

    private IncidentType knownType(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return IncidentType.UNCLASSIFIED;
        }
        String known = playbooks.knownTypes().stream().map(IncidentType::name).collect(Collectors.joining(", "));
        IncidentType type;
        try {
            type = new IncidentType(name.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidIncidentInput("type", "'" + name + "' is not an incident type; known: " + known);
        }
        if (!playbooks.knownTypes().contains(type)) {
            throw new InvalidIncidentInput("type", "'" + name + "' has no playbook; known: " + known);
        }
        return type;
    }

    private IncidentView view(Incident i) {
        List<StepView> checklist = i.steps.stream().sorted(Comparator.comparingInt(s -> s.position))
                .map(this::stepView).toList();
        return new IncidentView(i.id, i.title, i.summary, i.severity, i.type, i.status, i.status.allowedNext(),
                i.commander, List.copyOf(i.responders), List.copyOf(i.components), i.criteria, i.detectedAt,
                i.openedAt, i.acknowledgedAt, i.mitigatedAt, i.resolvedAt, i.closedAt, i.timeToAcknowledge(),
                i.timeToResolve(), checklist);
    }

    private StepView stepView(ChecklistStep s) {
        Optional<StepExecutor> executor = s.automation == null ? Optional.empty() : executors.find(s.automation);
        String note = s.automation != null && executor.isEmpty() ? StepExecutors.notInstalled(s.automation) : null;
        return new StepView(s.no, s.position, s.playbookId, s.playbookVersion, s.section, s.stepId, s.title,
                s.description, s.automation == null ? StepKind.MANUAL : StepKind.AUTOMATED, s.automation,
                executor.isPresent(), note, s.state, s.note, s.by, s.at, s.outcome);
    }
}
