package org.firebreak.oncall;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.firebreak.shared.TimeText;
import org.firebreak.shared.Severity;

/** How escalation shows instants, durations and policies on the timeline. */
final class Texts {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm");

    private Texts() {
    }

    static String time(Instant at) {
        return TimeText.at(at);
    }

    /** {@code Mon 2026-11-30 09:00 Europe/Berlin (08:00:00Z)}. */
    static String local(Instant at, ZoneId zone) {
        return LOCAL.format(at.atZone(zone)) + " " + zone.getId() + " (" + time(at) + ")";
    }

    /** {@code L1 On-call engineer → schedule 'primary', L2 Senior engineer → bob}. */
    static String path(EscalationPolicy policy) {
        List<EscalationPolicy.Level> levels = policy.levels();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < levels.size(); i++) {
            out.append(i == 0 ? "" : ", ").append('L').append(i + 1).append(' ').append(levels.get(i).name())
                    .append(" → ").append(levels.get(i).targetText())
                    .append(levels.get(i).hoursText());
        }
        return out.toString();
    }

    /** {@code acknowledge within CRITICAL 5m, HIGH 15m per level}, or that nothing is paged. */
    static String timeouts(EscalationPolicy policy) {
        if (policy.ackTimeout() == null || policy.ackTimeout().isEmpty()) {
            return "no severity is paged";
        }
        return "acknowledge within " + policy.ackTimeout().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + TimeText.duration(e.getValue())).collect(Collectors.joining(", "))
                + " per level" + (notPaged(policy).isEmpty() ? "" : "; " + notPaged(policy) + " not paged");
    }

    private static String notPaged(EscalationPolicy policy) {
        return java.util.Arrays.stream(Severity.values()).filter(s -> !policy.pages(s)).map(Severity::name)
                .collect(Collectors.joining(", "));
    }
}
