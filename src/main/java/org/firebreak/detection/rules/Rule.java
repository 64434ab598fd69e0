package org.firebreak.detection.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.firebreak.detection.AutoResolve;
import org.firebreak.shared.ConfigProblem;
import org.firebreak.shared.TimeText;
import org.firebreak.shared.IncidentType;
import org.firebreak.shared.Severity;
import org.jspecify.annotations.Nullable;

/**
 * One detection rule, as operators write it in YAML: exactly one source (chain events in a window, a diagnostic's
 * problems on a schedule, or a metric threshold), what the incident it opens looks like (severity, type, the plan's
 * criteria, components), how its alerts are keyed and grouped, and how flapping is damped: the condition must hold
 * for {@code for} before the alert fires, and stay clear for {@code keepFiringFor} before it resolves.
 *
 * @param notification ({@code notify} in YAML) what the operators asked for when it fires: team (notify the team), page (page on-call), email
 * @param title for people; an event rule's title may name the newest matching event's values in braces, e.g.
 *        {@code Ownership of {contract} {address} transferred to {newOwner}} (its fields, and its contract, address,
 *        txHash and block); other titles get ": subject" appended for a per-subject alert
 * @param group rules of one group share one open incident (e.g. every "stack code changed" rule); an event rule's
 *        group may name the event's values the same way, e.g. {@code admin-change:{address}}: one group per contract
 * @param perSubject one alert per subject (per delegation, per endpoint, per sender) instead of one per rule
 * @param exceptWhenCausedBy do not fire when an open incident's own action caused the condition (a DelegationManager
 *        paused by Firebreak's "Pause system" step is not an alarm; paused again by someone else after it, it is)
 */
public record Rule(
        String id,
        String title,
        @Nullable String description,
        @Nullable Boolean enabled,
        Severity severity,
        @Nullable IncidentType type,
        List<String> criteria,
        List<String> components,
        @JsonProperty("notify") Notify notification,
        @Nullable EventSource event,
        @Nullable DiagnosticSource diagnostic,
        @Nullable MetricSource metric,
        @Nullable String group,
        @Nullable Boolean perSubject,
        @Nullable CausedBy exceptWhenCausedBy,
        @JsonProperty("for") Duration forDuration,
        Duration keepFiringFor,
        AutoResolve autoResolve) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,63}");

    public enum Notify {
        TEAM, PAGE, EMAIL, NONE
    }

    public Rule {
        ConfigProblem.required("id", id);
        if (!ID.matcher(id).matches()) {
            throw new ConfigProblem("id", "must be lower-kebab-case, 2 to 64 characters, got '" + id + "'");
        }
        ConfigProblem.required("title", title);
        ConfigProblem.required("severity", severity);
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        components = components == null ? List.of() : List.copyOf(components);
        notification = notification == null ? Notify.TEAM : notification;
        forDuration = forDuration == null ? Duration.ZERO : forDuration;
        keepFiringFor = keepFiringFor == null ? Duration.ZERO : keepFiringFor;
        autoResolve = autoResolve == null ? AutoResolve.ALERT : autoResolve;
        long sources = java.util.stream.Stream.of(event, diagnostic, metric).filter(java.util.Objects::nonNull).count();
        if (sources != 1) {
            throw new ConfigProblem("event", "a rule needs exactly one source: event, diagnostic or metric (found "
                    + sources + ")");
        }
        if (forDuration.isNegative() || keepFiringFor.isNegative()) {
            throw new ConfigProblem("for", "for and keepFiringFor must not be negative");
        }
    }

    public boolean isEnabled() {
        return enabled == null || enabled;
    }

    public boolean isPerSubject() {
        return perSubject != null && perSubject;
    }

    /**
     * An incident's action that explains the condition: an open incident ran {@code automation} successfully and
     * its transaction is the one behind the newest {@code event} the block follower stored (or that event, if any,
     * is older than the action, the follower not having caught up yet).
     */
    public record CausedBy(String automation, String event) {
        public CausedBy {
            ConfigProblem.required("automation", automation);
            ConfigProblem.required("event", event);
        }
    }

    /** The source, whichever of the three it is. */
    public Source source() {
        return event != null ? event : diagnostic != null ? diagnostic : java.util.Objects.requireNonNull(metric);
    }

    /** What a rule watches. */
    public sealed interface Source permits EventSource, DiagnosticSource, MetricSource {
        /** One line for people: "UserOperationEvent where success == false, more than 10 in 5m". */
        String describe();
    }

    /**
     * Chain events from the block follower: more than {@code moreThan} events named {@code name} whose fields
     * satisfy {@code where} (a read-only SpEL expression over the event's fields, e.g. {@code actualGasUsed >
     * 500000}) within {@code window} of chain time.
     *
     * @param by with perSubject, the event field that names the subject (e.g. sender), or {@code address}: the
     *        contract that emitted it
     */
    public record EventSource(String name, @Nullable String where, Duration window, long moreThan, @Nullable String by)
            implements Source {
        public EventSource {
            ConfigProblem.required("name", name);
            ConfigProblem.required("window", window);
            if (window.isNegative() || window.isZero()) {
                throw new ConfigProblem("window", "must be positive, e.g. 5m");
            }
            if (moreThan < 0) {
                throw new ConfigProblem("moreThan", "must be 0 or more (0 means: any matching event)");
            }
            if (where != null) {
                FieldExpressions.check(where);
            }
        }

        @Override
        public String describe() {
            return "more than " + moreThan + " " + name + (where == null ? "" : " where " + where) + " within "
                    + TimeText.duration(window);
        }
    }

    /**
     * A diagnostic run on a schedule: fires while its finding has a problem with one of {@code problems}' codes
     * (e.g. {@code code.missing}); every problem at or above {@code atLeast} when no code is given.
     *
     * @param every how often; null means the chain profile's poll interval
     */
    public record DiagnosticSource(String name, @Nullable List<String> problems, @Nullable Duration every)
            implements Source {
        public DiagnosticSource {
            ConfigProblem.required("name", name);
            problems = problems == null ? List.of() : List.copyOf(problems);
            if (every != null && every.compareTo(Duration.ofMillis(500)) < 0) {
                throw new ConfigProblem("every", "must be at least 500ms: diagnostics cost RPC calls");
            }
        }

        @Override
        public String describe() {
            return "diagnostic " + name + (problems.isEmpty() ? " failing" : " reporting " + String.join(" or ", problems));
        }
    }

    /**
     * A Micrometer meter (as named in code, e.g. {@code firebreak.incidents.open}; Prometheus shows it with
     * underscores) summed over the meters matching {@code tags}, compared with {@code above} or {@code below}.
     */
    public record MetricSource(String name, @Nullable Map<String, String> tags, @Nullable BigDecimal above,
            @Nullable BigDecimal below) implements Source {
        public MetricSource {
            ConfigProblem.required("name", name);
            tags = tags == null ? Map.of() : Map.copyOf(tags);
            if ((above == null) == (below == null)) {
                throw new ConfigProblem("above", "give exactly one of above or below");
            }
        }

        @Override
        public String describe() {
            return "metric " + name + (tags.isEmpty() ? "" : tags.toString()) + (above != null ? " above " + above
                    : " below " + below);
        }
    }
}
