package org.firebreak.incident;

import java.time.Instant;
import java.util.Map;

import org.firebreak.playbook.StepKind;
import org.jspecify.annotations.Nullable;

/**
 * A checklist step as responders see it. {@code no} is stable for the incident's life and is what the API
 * and CLI use to complete or skip a step; {@code position} is its place in the current plan.
 *
 * @param automationNote for automated steps whose executor is not installed, says so plainly
 */
public record StepView(
        int no,
        int position,
        String playbook,
        int playbookVersion,
        String section,
        String stepId,
        String title,
        String description,
        StepKind kind,
        @Nullable String automation,
        boolean automationAvailable,
        @Nullable String automationNote,
        StepState state,
        @Nullable String note,
        @Nullable String by,
        @Nullable Instant at,
        @Nullable Outcome outcome) {

    /** The latest result of running an automated step. */
    public record Outcome(String result, String summary, Map<String, String> evidence, Instant at) {
    }
}
