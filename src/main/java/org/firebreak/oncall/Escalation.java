package org.firebreak.oncall;

import java.time.Instant;
import java.util.Objects;

import org.firebreak.incident.IncidentId;
import org.firebreak.shared.Severity;
import org.firebreak.shared.StoredText;
import org.jspecify.annotations.Nullable;

/**
 * One incident's escalation: its policy snapshot, the last level paged and the pending step, if any. It owns its
 * transitions and refuses the illegal ones with an {@link IllegalStateException} (a bug in the caller, never a
 * person's request): {@link Paging} decides when to page, climb, acknowledge, stop or re-time, and keeps the timers
 * and delivery requests; what an escalation may do from where it stands is decided here.
 *
 * <pre>
 *   begin ──► PAGING ──page/climb/retime──► PAGING
 *               │  └─ nothing paged yet ──► NOTICE_PENDING ──► NOTICE_SENT
 *               │                                 │
 *               ├─ acknowledged, resolved ──► STOPPED ◄─┘ (closed before business hours)
 *               └─ out of levels ──────────► EXHAUSTED (final)
 *   STOPPED, NOTICE_PENDING, NOTICE_SENT ──severity raised──► PAGING
 * </pre>
 */
final class Escalation {

    private final IncidentId incident;
    private final EscalationPolicy policy;
    private final Instant startedAt;
    private Severity severity;
    private EscalationState state;
    private int attempt;
    /** The last level paged in this round; 0 before the first page. */
    private int level;
    private @Nullable Instant levelPagedAt;
    private @Nullable EscalationStep next;
    private @Nullable Instant nextAt;
    private @Nullable String stoppedReason;

    private Escalation(IncidentId incident, EscalationPolicy policy, Severity severity, EscalationState state,
            Instant startedAt) {
        this.incident = incident;
        this.policy = policy;
        this.severity = severity;
        this.state = state;
        this.startedAt = startedAt;
    }

    /** A new escalation: paging, nothing paged yet. */
    static Escalation begin(IncidentId incident, EscalationPolicy policy, Severity severity, Instant at) {
        return new Escalation(incident, policy, severity, EscalationState.PAGING, at);
    }

    /** An escalation as it was stored. */
    static Escalation restore(IncidentId incident, EscalationPolicy policy, Severity severity, EscalationState state,
            Instant startedAt, int attempt, int level, @Nullable Instant levelPagedAt, @Nullable EscalationStep next,
            @Nullable Instant nextAt, @Nullable String stoppedReason) {
        Escalation e = new Escalation(incident, policy, severity, state, startedAt);
        e.attempt = attempt;
        e.level = level;
        e.levelPagedAt = levelPagedAt;
        e.next = next;
        e.nextAt = nextAt;
        e.stoppedReason = stoppedReason;
        return e;
    }

    /**
     * Records that {@code level} of round {@code attempt} was paged (or passed over for having nobody) at {@code at}.
     * An escalation only moves forward: a higher level in the same round, or a new round; an exhausted one pages no
     * more. A page by hand may follow a stop (the timer stays off); the automatic ones page while {@code PAGING}.
     */
    void paged(int level, int attempt, Instant at) {
        refuseIf(state == EscalationState.EXHAUSTED, "page level " + level);
        if (level < 1 || level > levels()) {
            throw new IllegalStateException(incident + " has levels 1 to " + levels() + ", not " + level);
        }
        if (!(attempt > this.attempt || attempt == this.attempt && level > this.level)) {
            throw new IllegalStateException(incident + " cannot page level " + level + " of round " + attempt
                    + " after level " + this.level + " of round " + this.attempt + ": an escalation only climbs");
        }
        this.level = level;
        this.attempt = attempt;
        this.levelPagedAt = at;
    }

    /** The step that follows the level just paged, due at {@code at}; only while paging. */
    void scheduleNext(EscalationStep step, Instant at) {
        refuseIf(state != EscalationState.PAGING, "schedule " + step);
        if (step.incident() != incident.number()) {
            throw new IllegalStateException(step + " is not a step of " + incident);
        }
        next = step;
        nextAt = at;
    }

    /** The pending step moves to {@code at} (a new severity's timeout); only while paging with a step pending. */
    void retime(Instant at) {
        refuseIf(state != EscalationState.PAGING || next == null, "re-time its next step");
        nextAt = at;
    }

    /** Forgets the pending step, if any (it fired, or is to be cancelled), and returns it. */
    @Nullable
    EscalationStep takeNext() {
        EscalationStep pending = next;
        if (pending != null) {
            next = null;
            nextAt = null;
        }
        return pending;
    }

    /** Nobody is paged for this severity: the team notice waits for business hours, due at {@code open}. */
    void awaitBusinessHours(Instant open) {
        refuseIf(state != EscalationState.PAGING || level != 0, "wait for business hours");
        state = EscalationState.NOTICE_PENDING;
        next = null;
        nextAt = open;
    }

    /** The team was told instead of paged: at once in business hours, or when they began. */
    void noticeSent() {
        refuseIf(!(state == EscalationState.NOTICE_PENDING || state == EscalationState.PAGING && level == 0),
                "send the team notice");
        state = EscalationState.NOTICE_SENT;
        nextAt = null;
    }

    /**
     * Paging stops: {@code STOPPED} (acknowledged, resolved, a severity that is not paged, or closed before a pending
     * notice) or {@code EXHAUSTED} (out of levels, only while paging). The pending step is forgotten.
     */
    void stop(EscalationState stopped, String reason) {
        boolean legal = switch (stopped) {
            case STOPPED -> state == EscalationState.PAGING || state == EscalationState.NOTICE_PENDING;
            case EXHAUSTED -> state == EscalationState.PAGING;
            default -> false;
        };
        refuseIf(!legal, "stop as " + stopped);
        state = stopped;
        stoppedReason = StoredText.abbreviate(reason, 1000); // stopped_reason's width
        next = null;
        nextAt = null;
    }

    /** A raised severity that is paged starts paging again, from a stop or a team notice; never after exhaustion. */
    void resumePaging() {
        refuseIf(state == EscalationState.PAGING || state == EscalationState.EXHAUSTED, "resume paging");
        state = EscalationState.PAGING;
        stoppedReason = null;
        next = null;
        nextAt = null;
    }

    /** The incident's severity now; what it means for paging is {@link Paging}'s to decide. */
    void severity(Severity to) {
        severity = Objects.requireNonNull(to);
    }

    private void refuseIf(boolean illegal, String what) {
        if (illegal) {
            throw new IllegalStateException("the escalation of " + incident + " is " + state + " (level " + level
                    + ", round " + attempt + "): it cannot " + what);
        }
    }

    int levels() {
        return policy.levels().size();
    }

    boolean isNext(EscalationStep step) {
        return step.equals(next);
    }

    IncidentId incident() {
        return incident;
    }

    EscalationPolicy policy() {
        return policy;
    }

    Instant startedAt() {
        return startedAt;
    }

    Severity severity() {
        return severity;
    }

    EscalationState state() {
        return state;
    }

    int attempt() {
        return attempt;
    }

    int level() {
        return level;
    }

    @Nullable
    Instant levelPagedAt() {
        return levelPagedAt;
    }

    @Nullable
    EscalationStep next() {
        return next;
    }

    @Nullable
    Instant nextAt() {
        return nextAt;
    }

    @Nullable
    String stoppedReason() {
        return stoppedReason;
    }
}
