package org.firebreak.detection.rules;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Measurement;
import org.firebreak.chain.ChainEvent;
import org.firebreak.chain.ChainEvents;
import org.firebreak.chain.Diagnostics;
import org.firebreak.chain.Finding;
import org.firebreak.detection.rules.Rule.DiagnosticSource;
import org.firebreak.detection.rules.Rule.MetricSource;
import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentFilter;
import org.springframework.stereotype.Component;

/**
 * Evaluates a rule's source: which subjects its condition holds for right now. A diagnostic several rules share runs
 * once per round.
 */
@Component
class Conditions {

    private static final int OPEN_INCIDENTS_LOOKED_AT = 200;

    private final Diagnostics diagnostics;
    private final ChainEventWindows events;
    private final ChainEvents chainEvents;
    private final MeterRegistry meters;
    private final IncidentApi incidents;

    Conditions(Diagnostics diagnostics, ChainEventWindows events, ChainEvents chainEvents, MeterRegistry meters,
            IncidentApi incidents) {
        this.diagnostics = diagnostics;
        this.events = events;
        this.chainEvents = chainEvents;
        this.meters = meters;
        this.incidents = incidents;
    }

    /** One evaluation round: diagnostics run at most once in it. */
    static final class Round {
        private final Map<String, Finding> findings = new HashMap<>();
    }

    Map<String, Observation> observe(Rule rule, Round round) {
        Map<String, Observation> found = switch (rule.source()) {
            case DiagnosticSource d -> diagnostic(rule, d, round);
            case Rule.EventSource e -> events.observe(rule, e);
            case MetricSource m -> metric(m);
        };
        if (!found.isEmpty() && rule.exceptWhenCausedBy() != null && causedByOpenIncident(rule.exceptWhenCausedBy())) {
            return Map.of();
        }
        return found;
    }

    private Map<String, Observation> diagnostic(Rule rule, DiagnosticSource source, Round round) {
        Finding finding = round.findings.computeIfAbsent(source.name(),
                name -> diagnostics.run(name, Map.of()).orElseThrow());
        List<Finding.Problem> problems = source.problems().isEmpty()
                ? finding.problems().stream().filter(p -> p.status() == Finding.Status.FAIL).toList()
                : finding.problems(source.problems());
        // A title or group with {placeholders} names values of the finding's evidence, e.g. {owner}.
        String title = ChainEventWindows.hasPlaceholders(rule.title())
                ? ChainEventWindows.render(rule.title(), finding.evidence()) : null;
        String group = rule.group() == null ? null : ChainEventWindows.render(rule.group(), finding.evidence());
        Map<String, Observation> found = new LinkedHashMap<>();
        if (rule.isPerSubject()) {
            for (Finding.Problem p : problems) {
                found.merge(p.subject(), new Observation(p.subject(), p.message(), 0, title, group),
                        (a, b) -> new Observation(a.subject(), a.summary() + "; " + b.summary(), 0, title, group));
            }
        } else if (!problems.isEmpty()) {
            found.put("", new Observation("", String.join("; ", problems.stream().map(Finding.Problem::message).toList()),
                    0, title, group));
        }
        return found;
    }

    private Map<String, Observation> metric(MetricSource source) {
        var search = meters.find(source.name());
        for (var tag : source.tags().entrySet()) {
            search = search.tag(tag.getKey(), tag.getValue());
        }
        var found = search.meters();
        if (found.isEmpty()) {
            return Map.of();
        }
        BigDecimal value = found.stream().map(Conditions::valueOf).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean holds = source.above() != null ? value.compareTo(source.above()) > 0 : value.compareTo(source.below()) < 0;
        return holds ? Map.of("", new Observation("", source.name() + " is " + value.stripTrailingZeros().toPlainString()
                + (source.above() != null ? ", above " + source.above() : ", below " + source.below()), 0)) : Map.of();
    }

    /** A gauge's value, a counter's count: the meter's first measurement. */
    private static BigDecimal valueOf(Meter meter) {
        for (Measurement m : meter.measure()) {
            return Double.isFinite(m.getValue()) ? BigDecimal.valueOf(m.getValue()) : BigDecimal.ZERO;
        }
        return BigDecimal.ZERO;
    }

    private boolean causedByOpenIncident(Rule.CausedBy cause) {
        Optional<ChainEvent> latest = chainEvents.latest(cause.event());
        return incidents.list(new IncidentFilter(null, null, null, true, null), 0, OPEN_INCIDENTS_LOOKED_AT).items()
                .stream().flatMap(summary -> incidents.get(summary.id()).checklist().stream())
                .filter(step -> cause.automation().equals(step.automation()) && step.outcome() != null
                        && "OK".equals(step.outcome().result()) && step.outcome().evidence().containsKey("txHash"))
                .anyMatch(step -> latest.isEmpty()
                        || step.outcome().evidence().get("txHash").contains(latest.get().txHash())
                        || latest.get().blockTime().isBefore(step.outcome().at().minusSeconds(1)));
    }
}
