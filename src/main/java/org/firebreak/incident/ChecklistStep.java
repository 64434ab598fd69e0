package org.firebreak.incident;

import java.time.Instant;
import java.util.Map;

import org.firebreak.playbook.PlannedStep;
import org.jspecify.annotations.Nullable;

/** A step on one incident's checklist; mutable only through {@link Incident}. */
final class ChecklistStep {

    final int no;
    int position;
    final String playbookId;
    final int playbookVersion;
    final String section;
    final String stepId;
    final String title;
    final String description;
    final @Nullable String automation;
    StepState state;
    @Nullable String note;
    @Nullable String by;
    @Nullable Instant at;
    StepView.@Nullable Outcome outcome;
    boolean dirty;

    ChecklistStep(int no, int position, String playbookId, int playbookVersion, String section, String stepId,
            String title, String description, @Nullable String automation, StepState state, @Nullable String note,
            @Nullable String by, @Nullable Instant at, StepView.@Nullable Outcome outcome) {
        this.no = no;
        this.position = position;
        this.playbookId = playbookId;
        this.playbookVersion = playbookVersion;
        this.section = section;
        this.stepId = stepId;
        this.title = title;
        this.description = description;
        this.automation = automation;
        this.state = state;
        this.note = note;
        this.by = by;
        this.at = at;
        this.outcome = outcome;
    }

    static ChecklistStep planned(int no, int position, PlannedStep planned) {
        ChecklistStep step = new ChecklistStep(no, position, planned.playbookId(), planned.playbookVersion(),
                planned.section(), planned.step().id(), planned.step().title(), planned.step().description(),
                planned.step().automation(), StepState.PENDING, null, null, null, null);
        step.dirty = true;
        return step;
    }

    void finish(StepState newState, @Nullable String text, String actor, Instant when) {
        this.state = newState;
        this.note = text;
        this.by = actor;
        this.at = when;
        this.dirty = true;
    }

    void recordOutcome(String result, String summary, Map<String, String> evidence, Instant when) {
        this.outcome = new StepView.Outcome(result, summary, evidence, when);
        this.dirty = true;
    }

    String label() {
        return "step " + no + " '" + title + "'";
    }
}
