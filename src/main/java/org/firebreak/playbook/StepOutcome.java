package org.firebreak.playbook;

import java.util.Map;

import org.firebreak.shared.ConfigProblem;

/**
 * What an automated step produced: a diagnostic's finding or an action's result, with the one-line
 * summary a responder acts on and the evidence behind it (values read, block number, latency).
 */
public record StepOutcome(Result result, String summary, Map<String, String> evidence) {

    public enum Result {
        OK, WARN, FAIL
    }

    public StepOutcome {
        ConfigProblem.required("result", result);
        ConfigProblem.required("summary", summary);
        evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
    }
}
