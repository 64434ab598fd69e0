package org.firebreak.detection.rules;

import org.firebreak.detection.RuleStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.firebreak.chain.Diagnostics;
import org.firebreak.detection.AlertApi;
import org.firebreak.detection.AutoResolve;
import org.firebreak.detection.Signal;
import org.firebreak.detection.SignalAction;
import org.firebreak.detection.rules.RuleInstance.State;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs the rules and turns their conditions into alerts. Per rule and subject: a true condition waits out the
 * rule's {@code for} (PENDING) and then raises the alert (FIRING); a false one waits out {@code keepFiringFor}
 * (CLEARING) and then resolves it, and a condition that comes back while CLEARING just keeps firing, so flapping
 * is damped on both edges. Event rules re-raise (bumping the alert's count) when a newer matching event arrives.
 * Where each instance stands is stored, so a restart neither forgets nor repeats. The alert is raised before the
 * state is saved: a crash in between repeats a raise, which deduplication absorbs, and never loses one.
 */
@Service
public class RuleEngine {

    private static final Logger log = LoggerFactory.getLogger(RuleEngine.class);

    private final RuleCatalog catalog;
    private final Conditions conditions;
    private final RuleInstances instances;
    private final AlertApi alerts;
    private final Diagnostics diagnostics;
    private final Clock clock;
    private final Map<String, Instant> lastRun = new ConcurrentHashMap<>();
    private final Map<String, String> lastError = new ConcurrentHashMap<>();

    RuleEngine(RuleCatalog catalog, Conditions conditions, RuleInstances instances, AlertApi alerts,
            Diagnostics diagnostics, Clock clock) {
        this.catalog = catalog;
        this.conditions = conditions;
        this.instances = instances;
        this.alerts = alerts;
        this.diagnostics = diagnostics;
        this.clock = clock;
    }

    /** Runs every rule that is due, then opens the incidents of alerts whose silence has ended. */
    public synchronized void tick() {
        Instant now = now();
        Conditions.Round round = new Conditions.Round();
        for (Rule rule : catalog.enabled()) {
            if (due(rule, now)) {
                evaluate(rule, now, round);
            }
        }
        alerts.releaseEndedSilences();
    }

    /** New blocks were followed: event rules look at once rather than at the next tick. */
    public synchronized void onNewEvents() {
        Instant now = now();
        for (Rule rule : catalog.enabled()) {
            if (rule.event() != null) {
                evaluate(rule, now, new Conditions.Round());
            }
        }
    }

    public List<RuleStatus> status() {
        Map<String, List<RuleInstance>> byRule = instances.all().stream()
                .collect(Collectors.groupingBy(RuleInstance::rule));
        return catalog.all().stream().map(r -> new RuleStatus(r.id(), r.title(), r.severity().name(),
                r.source().describe(), r.isEnabled(), lastRun.get(r.id()), lastError.get(r.id()),
                byRule.getOrDefault(r.id(), List.of()).stream().map(i -> new RuleStatus.InstanceStatus(i.subject(),
                        i.state().name(), i.since(), i.summary())).toList())).toList();
    }

    private boolean due(Rule rule, Instant now) {
        Instant last = lastRun.get(rule.id());
        if (last == null || rule.diagnostic() == null) {
            return true;
        }
        Duration every = rule.diagnostic().every() != null ? rule.diagnostic().every() : diagnostics.pollInterval();
        // A little early rather than a whole tick late: ticks and runs never line up to the millisecond.
        return !now.isBefore(last.plus(every).minusMillis(100));
    }

    private void evaluate(Rule rule, Instant now, Conditions.Round round) {
        Map<String, Observation> observed;
        try {
            observed = conditions.observe(rule, round);
        } catch (RuntimeException e) {
            // A rule that cannot look must not be taken for a rule whose condition cleared: keep its state.
            lastError.put(rule.id(), String.valueOf(e.getMessage()));
            log.warn("Rule {} could not be evaluated: {}", rule.id(), e.toString());
            return;
        }
        lastRun.put(rule.id(), now);
        lastError.remove(rule.id());
        Map<String, RuleInstance> stored = instances.of(rule.id()).stream()
                .collect(Collectors.toMap(RuleInstance::subject, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        for (Observation o : observed.values()) {
            holds(rule, stored.remove(o.subject()), o, now);
        }
        for (RuleInstance gone : new ArrayList<>(stored.values())) {
            clear(rule, gone, now);
        }
    }

    private void holds(Rule rule, @Nullable RuleInstance instance, Observation o, Instant now) {
        if (instance == null) {
            RuleInstance pending = new RuleInstance(rule.id(), o.subject(), State.PENDING, now, o.summary(), o.marker());
            if (rule.forDuration().isZero()) {
                fire(rule, pending.to(State.FIRING, now), o, now);
            } else {
                instances.save(pending, now);
            }
            return;
        }
        RuleInstance seen = instance.seen(o.summary(), o.marker());
        switch (instance.state()) {
            case PENDING -> {
                if (!now.isBefore(instance.since().plus(rule.forDuration()))) {
                    fire(rule, seen.to(State.FIRING, now), o, now);
                } else {
                    instances.save(seen, now);
                }
            }
            case FIRING -> {
                if (o.marker() > instance.marker()) {
                    fire(rule, seen, o, now);
                } else if (!o.summary().equals(instance.summary())) {
                    instances.save(seen, now);
                }
            }
            case CLEARING -> {
                log.info("Rule {} {} holds again before keepFiringFor ran out: still firing", rule.id(), o.subject());
                instances.save(seen.to(State.FIRING, instance.since()), now);
            }
        }
    }

    private void clear(Rule rule, RuleInstance instance, Instant now) {
        switch (instance.state()) {
            case PENDING -> instances.delete(instance);
            case FIRING -> {
                if (rule.keepFiringFor().isZero()) {
                    resolve(rule, instance);
                } else {
                    instances.save(instance.to(State.CLEARING, now), now);
                }
            }
            case CLEARING -> {
                if (!now.isBefore(instance.since().plus(rule.keepFiringFor()))) {
                    resolve(rule, instance);
                }
            }
        }
    }

    private void fire(Rule rule, RuleInstance firing, Observation o, Instant now) {
        alerts.raise(List.of(signal(rule, firing, SignalAction.TRIGGER, o)));
        instances.save(firing, now);
    }

    private void resolve(Rule rule, RuleInstance instance) {
        alerts.raise(List.of(signal(rule, instance, SignalAction.RESOLVE, null)));
        instances.delete(instance);
    }

    /** The alert's signal; the observation gives the title and group with the values of what it saw (event, evidence). */
    static Signal signal(Rule rule, RuleInstance instance, SignalAction action, @Nullable Observation o) {
        String subject = instance.subject();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("rule", rule.id());
        labels.put("severity", rule.severity().name().toLowerCase(java.util.Locale.ROOT));
        labels.put("notify", rule.notification().name().toLowerCase(java.util.Locale.ROOT));
        if (!rule.components().isEmpty()) {
            labels.put("component", String.join(",", rule.components()));
        }
        if (!subject.isEmpty()) {
            labels.put("subject", subject);
        }
        String title = o != null && o.title() != null ? o.title() : rule.title() + (subject.isEmpty() ? "" : ": " + subject);
        String group = o != null && o.group() != null ? o.group() : rule.group();
        // A group whose first alert has a title naming what changed (the new owner) is called by that title.
        String groupName = o != null && o.title() != null ? title : group;
        String summary = (rule.description() == null ? "" : rule.description().strip() + "\n\n") + instance.summary();
        return new Signal(subject.isEmpty() ? rule.id() : rule.id() + ":" + subject, action, clip(title, 200),
                clip(summary, 4000), rule.severity(), rule.type(), rule.criteria(), rule.components(), labels,
                instance.since().truncatedTo(ChronoUnit.MICROS), "rule " + rule.id() + " (" + rule.source().describe()
                        + "): " + clip(instance.summary(), 1000), group, groupName == null ? null : clip(groupName, 200),
                rule.autoResolve() == AutoResolve.INCIDENT);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private Instant now() {
        return clock.instant();
    }
}
