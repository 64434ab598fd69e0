package org.firebreak.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.firebreak.incident.IncidentEvents.IncidentOpened;
import org.firebreak.incident.IncidentEvents.IncidentSeverityChanged;
import org.firebreak.incident.IncidentEvents.IncidentStatusChanged;
import org.firebreak.playbook.PlannedStep;
import org.firebreak.playbook.StepOutcome;
import org.firebreak.shared.IncidentType;
import org.firebreak.shared.Severity;
import org.firebreak.shared.StoredText;
import org.jspecify.annotations.Nullable;

/**
 * The incident aggregate. Every change goes through a method here that checks the rules, writes the timeline
 * entry (who, when, what, before and after) and registers the event; nothing else mutates an incident.
 */
final class Incident {

    /** The timeline's text column (V1_3): room for a 4,000-character text quoted whole in any entry's wording. */
    static final int TIMELINE_TEXT_MAX = 16000;

    final IncidentId id;
    String title;
    final String summary;
    Severity severity;
    final IncidentType type;
    IncidentStatus status;
    @Nullable String commander;
    final List<String> responders;
    final List<String> components;
    final List<String> criteria;
    final Instant detectedAt;
    final Instant openedAt;
    @Nullable Instant acknowledgedAt;
    @Nullable Instant mitigatedAt;
    @Nullable Instant resolvedAt;
    @Nullable Instant closedAt;
    final int version;
    final List<ChecklistStep> steps;
    private int lastSeq;
    private final List<TimelineEntry> newEntries = new ArrayList<>();
    private final List<Object> events = new ArrayList<>();

    Incident(IncidentId id, String title, String summary, Severity severity, IncidentType type, IncidentStatus status,
            @Nullable String commander, List<String> responders, List<String> components, List<String> criteria,
            Instant detectedAt, Instant openedAt, @Nullable Instant acknowledgedAt, @Nullable Instant mitigatedAt,
            @Nullable Instant resolvedAt, @Nullable Instant closedAt, int version, List<ChecklistStep> steps, int lastSeq) {
        this.id = id;
        this.title = title;
        this.summary = summary;
        this.severity = severity;
        this.type = type;
        this.status = status;
        this.commander = commander;
        this.responders = new ArrayList<>(responders);
        this.components = new ArrayList<>(components);
        this.criteria = List.copyOf(criteria);
        this.detectedAt = detectedAt;
        this.openedAt = openedAt;
        this.acknowledgedAt = acknowledgedAt;
        this.mitigatedAt = mitigatedAt;
        this.resolvedAt = resolvedAt;
        this.closedAt = closedAt;
        this.version = version;
        this.steps = new ArrayList<>(steps);
        this.lastSeq = lastSeq;
    }

    /** A new incident in TRIGGERED with its checklist planned and its opening written on the timeline. */
    static Incident open(IncidentId id, OpenIncident command, Severity severity, IncidentType type,
            List<SeverityCriterion> criteria, @Nullable Severity classified, List<PlannedStep> plan, String actor,
            Instant now) {
        Instant detectedAt = command.detectedAt() == null ? now : command.detectedAt();
        Incident incident = new Incident(id, command.title().strip(),
                command.summary() == null ? "" : command.summary().strip(), severity, type, IncidentStatus.TRIGGERED,
                blankToNull(command.commander()), distinct(command.respondersOrEmpty()),
                distinct(command.componentsOrEmpty()), criteria.stream().map(SeverityCriterion::label).toList(),
                detectedAt, now, null, null, null, null, 0, List.of(), 0);
        for (int i = 0; i < plan.size(); i++) {
            incident.steps.add(ChecklistStep.planned(i + 1, i + 1, plan.get(i)));
        }
        incident.write(now, actor, TimelineKind.OPENED, null, null, null,
                "Opened " + severity + " " + type + " incident '" + incident.title + "' with " + plan.size()
                        + " checklist steps");
        if (!criteria.isEmpty()) {
            String labels = String.join(", ", incident.criteria);
            if (classified == severity) {
                incident.write(now, actor, TimelineKind.CLASSIFIED, "severity", null, severity.name(),
                        "Classified " + severity + " by the plan's criteria: " + labels);
            } else {
                incident.write(now, actor, TimelineKind.SEVERITY_MISMATCH, "severity",
                        Objects.requireNonNull(classified).name(), severity.name(),
                        "Severity " + severity + " was set explicitly; the plan's criteria (" + labels + ") give "
                                + classified);
            }
        }
        incident.events.add(new IncidentOpened(id, incident.title, severity, type));
        return incident;
    }

    void changeStatus(IncidentStatus next, @Nullable String note, String actor, Instant now) {
        if (!status.canMoveTo(next)) {
            throw IllegalStatusChange.of(id, status, next);
        }
        IncidentStatus previous = status;
        status = next;
        if (acknowledgedAt == null) {
            acknowledgedAt = now;
        }
        if ((next == IncidentStatus.MITIGATED || next == IncidentStatus.RESOLVED) && mitigatedAt == null) {
            mitigatedAt = now;
        }
        if (next == IncidentStatus.RESOLVED) {
            resolvedAt = now;
        }
        if (next == IncidentStatus.CLOSED) {
            closedAt = now;
        }
        boolean reopened = previous == IncidentStatus.RESOLVED && next.isOpen();
        if (reopened) {
            resolvedAt = null;
        }
        String text = (reopened ? "Reopened: " : "Status ") + previous + " → " + next + suffix(note);
        write(now, actor, TimelineKind.STATUS_CHANGED, "status", previous.name(), next.name(), text);
        events.add(new IncidentStatusChanged(id, previous, next, actor));
    }

    /**
     * Changes severity and re-plans the checklist: steps of the new severity's procedure that the incident lacks
     * are added in the procedure's order; steps already there (done or not) are kept.
     */
    void changeSeverity(Severity next, @Nullable String reason, List<PlannedStep> plan, List<PlannedStep> typeSteps,
            String actor, Instant now) {
        requireNotClosed();
        if (next == severity) {
            throw new IncidentConflict(id + " is already " + next);
        }
        Severity previous = severity;
        severity = next;
        write(now, actor, TimelineKind.SEVERITY_CHANGED, "severity", previous.name(), next.name(),
                "Severity " + previous + " → " + next + suffix(reason));
        List<String> added = replan(plan, typeSteps);
        if (!added.isEmpty()) {
            write(now, actor, TimelineKind.CHECKLIST_REPLANNED, "checklist", null, String.join(", ", added),
                    "Checklist re-planned for " + next + ": added " + String.join(", ", added));
        }
        events.add(new IncidentSeverityChanged(id, previous, next, actor));
    }

    /** Orders the checklist as: the procedure's steps, steps of earlier procedures, the type playbook's steps. */
    private List<String> replan(List<PlannedStep> procedure, List<PlannedStep> typeSteps) {
        Map<String, ChecklistStep> byStepId = new LinkedHashMap<>();
        steps.stream().sorted(Comparator.comparingInt(s -> s.position)).forEach(s -> byStepId.putIfAbsent(s.stepId, s));
        List<ChecklistStep> ordered = new ArrayList<>();
        List<String> added = new ArrayList<>();
        int nextNo = steps.stream().mapToInt(s -> s.no).max().orElse(0) + 1;
        for (PlannedStep planned : procedure) {
            ChecklistStep existing = byStepId.remove(planned.step().id());
            if (existing == null) {
                existing = ChecklistStep.planned(nextNo++, 0, planned);
                steps.add(existing);
                added.add(existing.label());
            }
            ordered.add(existing);
        }
        List<String> typeIds = typeSteps.stream().map(p -> p.step().id()).toList();
        byStepId.values().stream().filter(s -> !typeIds.contains(s.stepId)).forEach(ordered::add);
        byStepId.values().stream().filter(s -> typeIds.contains(s.stepId)).forEach(ordered::add);
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).position != i + 1) {
                ordered.get(i).position = i + 1;
                ordered.get(i).dirty = true;
            }
        }
        return added;
    }

    void assignCommander(String name, String actor, Instant now) {
        requireNotClosed();
        if (name.equals(commander)) {
            throw new IncidentConflict(name + " is already the commander of " + id);
        }
        String previous = commander;
        commander = name;
        write(now, actor, TimelineKind.COMMANDER_CHANGED, "commander", previous, name,
                "Commander " + (previous == null ? "set to " + name : previous + " → " + name));
    }

    void addResponder(String name, String actor, Instant now) {
        requireNotClosed();
        if (responders.contains(name)) {
            throw new IncidentConflict(name + " is already a responder on " + id);
        }
        responders.add(name);
        write(now, actor, TimelineKind.RESPONDER_ADDED, "responders", null, name, "Responder " + name + " joined");
    }

    void removeResponder(String name, String actor, Instant now) {
        requireNotClosed();
        if (!responders.remove(name)) {
            throw new IncidentConflict(name + " is not a responder on " + id + "; responders: " + responders);
        }
        write(now, actor, TimelineKind.RESPONDER_REMOVED, "responders", name, null, "Responder " + name + " left");
    }

    void addComponent(String name, String actor, Instant now) {
        requireNotClosed();
        if (components.contains(name)) {
            throw new IncidentConflict(name + " is already an affected component of " + id);
        }
        components.add(name);
        write(now, actor, TimelineKind.COMPONENT_ADDED, "components", null, name, "Affected component added: " + name);
    }

    void removeComponent(String name, String actor, Instant now) {
        requireNotClosed();
        if (!components.remove(name)) {
            throw new IncidentConflict(name + " is not an affected component of " + id + "; components: " + components);
        }
        write(now, actor, TimelineKind.COMPONENT_REMOVED, "components", name, null,
                "Affected component removed: " + name);
    }

    void record(TimelineKind kind, String text, String actor, Instant now) {
        write(now, actor, kind, null, null, null, text.strip());
    }

    /** A new title (e.g. a grouped incident's alert count grew); the old one stays on the timeline. */
    void retitle(String newTitle, String actor, Instant now) {
        requireNotClosed();
        String stripped = newTitle.strip();
        if (stripped.isEmpty() || stripped.length() > 200) {
            throw new InvalidIncidentInput("title", "must be 1 to 200 characters");
        }
        if (stripped.equals(title)) {
            return;
        }
        String before = title;
        title = stripped;
        write(now, actor, TimelineKind.TITLE_CHANGED, "title", before, stripped,
                "Title changed from '" + before + "' to '" + stripped + "'");
    }

    void addNote(String text, String actor, Instant now) {
        write(now, actor, TimelineKind.NOTE, null, null, null, text.strip());
    }

    void completeStep(int no, @Nullable String note, String actor, Instant now) {
        ChecklistStep step = pendingStep(no);
        step.finish(StepState.DONE, blankToNull(note), actor, now);
        write(now, actor, TimelineKind.STEP_DONE, "step " + no, StepState.PENDING.name(), StepState.DONE.name(),
                "Done: " + step.label() + suffix(note));
    }

    void skipStep(int no, String reason, String actor, Instant now) {
        ChecklistStep step = pendingStep(no);
        step.finish(StepState.SKIPPED, reason.strip(), actor, now);
        write(now, actor, TimelineKind.STEP_SKIPPED, "step " + no, StepState.PENDING.name(),
                StepState.SKIPPED.name(), "Skipped: " + step.label() + " - " + reason.strip());
    }

    /** Attaches an automated step's outcome; the check having run completes the step, whatever it found. */
    void recordStepRun(int no, StepOutcome outcome, String actor, Instant now) {
        requireNotClosed();
        ChecklistStep step = step(no);
        step.recordOutcome(outcome.result().name(), outcome.summary(), outcome.evidence(), now);
        String before = step.state.name();
        if (step.state == StepState.PENDING) {
            step.finish(StepState.DONE, null, actor, now);
        }
        write(now, actor, TimelineKind.STEP_RAN, "step " + no, before, step.state.name(),
                "Ran " + step.label() + ": " + outcome.result() + " - " + outcome.summary() + evidence(outcome));
    }

    /** Records an action run outside the checklist (e.g. unpause during recovery) with its outcome. */
    void recordAction(String automation, StepOutcome outcome, String actor, Instant now) {
        requireNotClosed();
        write(now, actor, TimelineKind.ACTION_RAN, automation, null, outcome.result().name(),
                "Ran " + automation + ": " + outcome.result() + " - " + outcome.summary() + evidence(outcome));
    }

    /** A refused action is itself part of the record. */
    void refuseAction(String automation, String reason, String actor, Instant now) {
        write(now, actor, TimelineKind.ACTION_REFUSED, automation, null, null, "Refused " + automation + ": " + reason);
    }

    /** The transaction an action sent, unless its summary already names it. */
    private static String evidence(StepOutcome outcome) {
        String tx = outcome.evidence().get("txHash");
        return tx == null || outcome.summary().contains(tx) ? "" : " (tx " + tx + ")";
    }

    ChecklistStep step(int no) {
        return steps.stream().filter(s -> s.no == no).findFirst().orElseThrow(() -> new InvalidIncidentInput("step",
                id + " has no step " + no + "; steps are numbered 1 to " + steps.size()));
    }

    private ChecklistStep pendingStep(int no) {
        requireNotClosed();
        ChecklistStep step = step(no);
        if (step.state != StepState.PENDING) {
            throw new IncidentConflict(step.label() + " of " + id + " is already " + step.state + " (by " + step.by
                    + " at " + step.at + ")");
        }
        return step;
    }

    private void requireNotClosed() {
        if (status == IncidentStatus.CLOSED) {
            throw new IncidentConflict(id + " is CLOSED; a closed incident is final and takes no more changes");
        }
    }

    /**
     * Every entry fits its columns whatever it quotes: the widest text a person may give (a 4,000-character note or
     * status update) and its wording fit {@link #TIMELINE_TEXT_MAX} whole; only text composed of many parts (a long
     * delivery failure, an escalation naming many people) is cut, ending in "…".
     */
    private void write(Instant at, String actor, TimelineKind kind, @Nullable String field, @Nullable String before,
            @Nullable String after, String text) {
        newEntries.add(new TimelineEntry(++lastSeq, at, StoredText.abbreviate(actor, 100), kind, field,
                before == null ? null : StoredText.abbreviate(before, 4000),
                after == null ? null : StoredText.abbreviate(after, 4000), StoredText.abbreviate(text, TIMELINE_TEXT_MAX)));
    }

    @Nullable Duration timeToAcknowledge() {
        return acknowledgedAt == null ? null : Duration.between(detectedAt, acknowledgedAt);
    }

    @Nullable Duration timeToResolve() {
        return resolvedAt == null ? null : Duration.between(detectedAt, resolvedAt);
    }

    List<TimelineEntry> newEntries() {
        return List.copyOf(newEntries);
    }

    List<Object> events() {
        return List.copyOf(events);
    }

    private static String suffix(@Nullable String text) {
        return text == null || text.isBlank() ? "" : " - " + text.strip();
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static List<String> distinct(List<String> values) {
        return values.stream().map(String::strip).distinct().toList();
    }
}
