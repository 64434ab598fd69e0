package org.firebreak.chain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.firebreak.playbook.StepOutcome;

/**
 * What a diagnostic found: OK, WARN or FAIL, one line a responder can act on, and the evidence behind it
 * (values read, block number, endpoint, latency), in the order it was gathered.
 */
public record Finding(String diagnostic, Status status, String summary, Map<String, String> evidence,
        List<Problem> problems) {

    public enum Status {
        OK, WARN, FAIL;

        public Status worst(Status other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }

    /**
     * One thing found wrong. {@code code} is stable (e.g. {@code code.missing}, {@code delegation-manager.paused},
     * {@code rpc.wrong-chain}): detection rules match on it, so it never changes with the wording of the message.
     *
     * @param subject what the problem is about (a contract role, an endpoint, a delegation name)
     */
    public record Problem(String code, Status status, String subject, String message) {
    }

    public Finding {
        evidence = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        problems = List.copyOf(problems);
    }

    /** A finding about the check itself rather than the chain (no profile, chain unreachable): one problem. */
    static Finding single(String diagnostic, Status status, String code, String summary) {
        return new Finding(diagnostic, status, summary, Map.of(),
                status == Status.OK ? List.of() : List.of(new Problem(code, status, diagnostic, summary)));
    }

    /** The problems with one of these codes. */
    public List<Problem> problems(java.util.Collection<String> codes) {
        return problems.stream().filter(p -> codes.contains(p.code())).toList();
    }

    /** The same finding as the outcome of an automated playbook step. */
    public StepOutcome asStepOutcome() {
        return new StepOutcome(StepOutcome.Result.valueOf(status.name()), summary, evidence);
    }
}
