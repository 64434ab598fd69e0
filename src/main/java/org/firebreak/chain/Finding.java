package org.firebreak.chain;

import java.util.LinkedHashMap;
import java.util.Map;

import org.firebreak.playbook.StepOutcome;

/**
 * What a diagnostic found: OK, WARN or FAIL, one line a responder can act on, and the evidence behind it
 * (values read, block number, endpoint, latency), in the order it was gathered.
 */
public record Finding(String diagnostic, Status status, String summary, Map<String, String> evidence) {

    public enum Status {
        OK, WARN, FAIL;

        Status worst(Status other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }

    public Finding {
        evidence = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    /** The same finding as the outcome of an automated playbook step. */
    public StepOutcome asStepOutcome() {
        return new StepOutcome(StepOutcome.Result.valueOf(status.name()), summary, evidence);
    }
}
