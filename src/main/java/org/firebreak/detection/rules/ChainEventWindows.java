package org.firebreak.detection.rules;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.firebreak.chain.ChainEvent;
import org.firebreak.chain.ChainEvents;
import org.firebreak.detection.rules.Rule.EventSource;
import org.firebreak.shared.TimeText;
import org.jspecify.annotations.Nullable;
import org.springframework.expression.Expression;
import org.springframework.stereotype.Component;

/**
 * Event rules over what the block follower stored: the matching events within the window, which ends at the newest
 * followed block's time (chain time, so a chain whose clock runs ahead or behind is judged by its own clock). Events
 * of a transaction Firebreak itself signed (its guardian's pause or unpause during a response) never match: they are
 * the response, not the alarm. A rule's {@code where}, {@code by}, title and group see the event's fields and also
 * its {@code contract} (role), {@code address}, {@code txHash} and {@code block}.
 */
@Component
class ChainEventWindows {

    /** More matches than any threshold worth writing; the count says "at least" beyond it. */
    static final int MOST_EVENTS_READ = 10_000;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9.]*)\\}");

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
                .stream().filter(e -> where == null || FieldExpressions.matches(where, values(e))).toList();
        if (!matching.isEmpty()) {
            Set<String> own = events.sentByFirebreak(matching.stream().map(ChainEvent::txHash).distinct().toList());
            matching = matching.stream().filter(e -> !own.contains(e.txHash().toLowerCase(java.util.Locale.ROOT)))
                    .toList();
        }
        Map<String, List<ChainEvent>> bySubject = new LinkedHashMap<>();
        for (ChainEvent e : matching) {
            String subject = rule.isPerSubject() && source.by() != null ? values(e).getOrDefault(source.by(), "") : "";
            bySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(e);
        }
        Map<String, Observation> found = new LinkedHashMap<>();
        bySubject.forEach((subject, list) -> {
            if (list.size() > source.moreThan()) {
                ChainEvent newest = list.getLast();
                Map<String, String> values = values(newest);
                found.put(subject, new Observation(subject, list.size() + " " + source.name()
                        + (source.where() == null ? "" : " where " + source.where()) + " within "
                        + TimeText.duration(source.window()) + " (more than " + source.moreThan() + ")"
                        + onEntryPoint(rule, source, newest) + "; newest in block "
                        + newest.blockNumber() + ", tx " + newest.txHash() + ": " + describe(newest), marker(newest),
                        hasPlaceholders(rule.title()) ? render(rule.title(), values) : null,
                        rule.group() == null ? null : render(rule.group(), values)));
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

    /** The event's fields, and what the event itself says: contract (role), address, txHash, block. */
    static Map<String, String> values(ChainEvent e) {
        Map<String, String> values = new LinkedHashMap<>(e.fields());
        values.putIfAbsent("contract", e.contract());
        values.putIfAbsent("address", e.address());
        values.putIfAbsent("txHash", e.txHash());
        values.putIfAbsent("block", Long.toString(e.blockNumber()));
        return values;
    }

    /** "OwnershipTransferred on delegationManager 0xdb…: expected=false, newOwner=0x…, previousOwner=0x…" (fields by name). */
    private static String describe(ChainEvent e) {
        return e.name() + " on " + e.contract() + " " + e.address() + (e.fields().isEmpty() ? "" : ": "
                + new java.util.TreeMap<>(e.fields()).entrySet().stream().map(f -> f.getKey() + "=" + f.getValue())
                        .collect(Collectors.joining(", ")));
    }

    static boolean hasPlaceholders(String text) {
        return PLACEHOLDER.matcher(text).find();
    }

    /** {@code {name}} replaced by the value of that name; a name without a value stays as written. */
    static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            @Nullable String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Orders events across blocks: block number, then log index. */
    private static long marker(ChainEvent e) {
        return e.blockNumber() * 100_000 + e.logIndex();
    }
}
