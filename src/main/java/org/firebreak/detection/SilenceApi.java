package org.firebreak.detection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.firebreak.incident.IncidentId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Silences and maintenance windows. While one is active, an alert it matches opens no incident: the alert is kept
 * as SUPPRESSED and counted on the silence. When the silence ends and the alert still fires, the incident opens
 * then, and its timeline says what held it back and for how long.
 */
@Service
public class SilenceApi {

    /** Longer than any sane maintenance window; a forgotten silence must not hide trouble for months. */
    static final Duration LONGEST = Duration.ofDays(31);
    private static final int LIST_LIMIT = 200;

    private final Silences silences;
    private final MaintenanceWindows maintenance;
    private final Clock clock;

    SilenceApi(Silences silences, MaintenanceWindows maintenance, Clock clock) {
        this.silences = silences;
        this.maintenance = maintenance;
        this.clock = clock;
    }

    @Transactional
    public SilenceView create(NewSilence command, String author) {
        Instant now = now();
        Instant starts = command.startsAt() == null ? now : command.startsAt().truncatedTo(ChronoUnit.MICROS);
        if (command.rule() == null && command.component() == null && command.label() == null) {
            throw new InvalidSilence("rule", "give at least one matcher: rule, component or label (name=value)");
        }
        if (!command.endsAt().isAfter(starts)) {
            throw new InvalidSilence("endsAt", "must be after startsAt (" + starts + ")");
        }
        if (!command.endsAt().isAfter(now)) {
            throw new InvalidSilence("endsAt", "must be in the future");
        }
        if (Duration.between(starts, command.endsAt()).compareTo(LONGEST) > 0) {
            throw new InvalidSilence("endsAt", "a silence lasts at most " + LONGEST.toDays() + " days");
        }
        long id = silences.insert(command, starts, author, now);
        if (!starts.isAfter(now)) {
            maintenance.tellBegun(get(id), now); // a maintenance window that starts now stops paging at once
        }
        return get(id);
    }

    /**
     * The maintenance window in force now that covers the incident (matches one of its alerts, or names only a
     * component it affects), if any: while it lasts, the incident is not paged.
     */
    public Optional<SilenceView> maintenanceCovering(IncidentId incident) {
        return maintenance.covering(incident, now());
    }

    public SilenceView get(long id) {
        return silences.find(id, now()).orElseThrow(() -> new SilenceNotFound(id));
    }

    /** Active silences, or all of them (newest first, at most 200). */
    public List<SilenceView> list(boolean all) {
        return silences.list(all, now(), LIST_LIMIT);
    }

    /** Ends a silence now; alerts it still holds back open their incidents at the next evaluation. */
    @Transactional
    public SilenceView end(long id, String actor) {
        SilenceView silence = get(id);
        if (silence.endedAt() == null && silence.endsAt().isAfter(now())) {
            silences.end(id, now());
        }
        return get(id);
    }

    /** The silences active now: read once for all the alerts of one request. */
    List<SilenceView> activeNow() {
        return silences.list(false, now(), LIST_LIMIT).stream().filter(SilenceView::active).toList();
    }

    /** The active silence matching an alert, if any (the one created first, so the answer is stable). */
    static Optional<SilenceView> firstMatching(List<SilenceView> active, Map<String, String> labels,
            Collection<String> components) {
        return active.stream().filter(s -> matches(s, labels, components))
                .min(java.util.Comparator.comparingLong(SilenceView::id));
    }

    void recordSuppressed(long silence, AlertView alert) {
        silences.recordSuppressed(silence, alert, now());
    }

    static boolean matches(SilenceView s, Map<String, String> labels, Collection<String> components) {
        return (s.rule() == null || s.rule().equals(ruleOf(labels)))
                && (s.component() == null || components.contains(s.component())
                        || s.component().equals(labels.get("component")))
                && (s.labelName() == null || s.labelValue().equals(labels.get(s.labelName())));
    }

    /** Firebreak's rules label their alerts with {@code rule}; Alertmanager's alerts carry {@code alertname}. */
    private static @Nullable String ruleOf(Map<String, String> labels) {
        String rule = labels.get("rule");
        return rule != null ? rule : labels.get("alertname");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
