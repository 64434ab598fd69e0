package org.firebreak.detection.rules;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.firebreak.chain.ChainEvent;
import org.firebreak.chain.ChainEvents;
import org.firebreak.detection.rules.Rule.EventSource;
import org.springframework.expression.Expression;
import org.springframework.stereotype.Component;

/**
 * Event rules over what the block follower stored: the matching events within the window, which ends at the newest
 * followed block's time (chain time, so a chain whose clock runs ahead or behind is judged by its own clock).
 */
@Component
class ChainEventWindows {

    /** More matches than any threshold worth writing; the count says "at least" beyond it. */
    static final int MOST_EVENTS_READ = 10_000;

    private final ChainEvents events;
    private final Clock clock;

    ChainEventWindows(ChainEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    Map<String, Observation> observe(Rule rule, EventSource source) {
        Instant end = events.position().map(p -> p.blockTime()).orElse(clock.instant());
        Expression where = source.where() == null ? null : FieldExpressions.check(source.where());
        List<ChainEvent> matching = events.between(source.name(), end.minus(source.window()), end, MOST_EVENTS_READ)
                .stream().filter(e -> where == null || FieldExpressions.matches(where, e.fields())).toList();
        Map<String, List<ChainEvent>> bySubject = new LinkedHashMap<>();
        for (ChainEvent e : matching) {
            String subject = rule.isPerSubject() && source.by() != null ? e.fields().getOrDefault(source.by(), "") : "";
            bySubject.computeIfAbsent(subject, s -> new java.util.ArrayList<>()).add(e);
        }
        Map<String, Observation> found = new LinkedHashMap<>();
        bySubject.forEach((subject, list) -> {
            if (list.size() > source.moreThan()) {
                ChainEvent newest = list.getLast();
                found.put(subject, new Observation(subject, list.size() + " " + source.name()
                        + (source.where() == null ? "" : " where " + source.where()) + " within "
                        + Durations.human(source.window()) + " (more than " + source.moreThan() + ")"
                        + onEntryPoint(rule, source, newest) + "; newest in block "
                        + newest.blockNumber() + ", tx " + newest.txHash(), marker(newest)));
            }
        });
        return found;
    }

    /** " on EntryPoint v0.8 0x…" when the rule counts per EntryPoint, which release it is being said. */
    private static String onEntryPoint(Rule rule, EventSource source, ChainEvent newest) {
        String version = newest.fields().get("entryPointVersion");
        return rule.isPerSubject() && "entryPoint".equals(source.by()) && version != null
                ? " on EntryPoint " + version + " " + newest.fields().get("entryPoint") : "";
    }

    /** Orders events across blocks: block number, then log index. */
    private static long marker(ChainEvent e) {
        return e.blockNumber() * 100_000 + e.logIndex();
    }
}
