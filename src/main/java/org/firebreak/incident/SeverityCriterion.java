package org.firebreak.incident;

import org.firebreak.shared.ConfigProblem;
import org.firebreak.shared.Severity;

/** One of the plan's classification criteria and the severity it implies. */
public record SeverityCriterion(String id, String label, Severity severity) {

    public SeverityCriterion {
        ConfigProblem.required("id", id);
        ConfigProblem.required("label", label);
        ConfigProblem.required("severity", severity);
    }
}
