package org.firebreak.playbook;

import java.util.List;

import org.firebreak.shared.ConfigProblem;

/** A named group of steps, e.g. the plan's "Immediate actions" and "Communication". */
public record PlaybookSection(String name, List<PlaybookStep> steps) {

    public PlaybookSection {
        ConfigProblem.required("name", name);
        if (steps == null || steps.isEmpty()) {
            throw new ConfigProblem("steps", "a section needs at least one step");
        }
        steps = List.copyOf(steps);
    }
}
