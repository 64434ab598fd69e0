package org.firebreak.oncall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.firebreak.detection.SilenceApi;
import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.incident.IncidentView;
import org.firebreak.shared.TimeText;
import org.firebreak.shared.Severity;
import org.firebreak.shared.web.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The escalation of each incident: started when it opens (the policy snapshotted onto it, level 1 paged at once, or a
 * team notice in business hours for what is not paged), climbing one level at each acknowledge timeout, stopped by
 * any move past TRIGGERED, re-timed by a severity change, and escalated by hand. Every change locks the escalation's
 * row, so the listeners, the timers and the API queue one after another, and every timer re-checks what it finds.
 */
@Service
class Paging {

    static final String ACTOR = Actor.SYSTEM;

    private final IncidentApi incidents;
    private final OnCallCatalog catalog;
    private final Escalations escalations;
    private final EscalationTimers timers;
    private final Pager pager;
    private final SilenceApi silences;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final OnCallSettings settings;

    Paging(IncidentApi incidents, OnCallCatalog catalog, Escalations escalations, EscalationTimers timers, Pager pager,
            SilenceApi silences, TransactionTemplate tx, Clock clock, OnCallSettings settings) {
        this.settings = settings;
        this.incidents = incidents;
        this.silences = silences;
        this.catalog = catalog;
        this.escalations = escalations;
        this.timers = timers;
        this.pager = pager;
        this.tx = tx;
        this.clock = clock;
    }

    /** Starts the incident's escalation unless it has one; replaying it changes nothing. */
    void start(IncidentId id) {
        tx.executeWithoutResult(status -> startOrGet(id));
    }

    /** An escalation timer fired: page the step's level, or run out of levels, unless things changed meanwhile. */
    void fire(EscalationStep step) {
        Optional<Escalation> found = escalations.findForUpdate(new IncidentId(step.incident()));
        if (found.isEmpty() || found.get().state() != EscalationState.PAGING || !found.get().isNext(step)) {
            return; // stopped, re-timed or escalated by hand since this timer was set
        }
        Escalation e = found.get();
        Instant now = clock.instant();
        Duration waited = e.policy().timeout(e.level(), e.severity()).orElseThrow();
        e.takeNext();
        IncidentStatus status = incidents.get(e.incident()).status();
        Optional<String> maintenance = status == IncidentStatus.TRIGGERED ? maintenance(e.incident()) : Optional.empty();
        if (status != IncidentStatus.TRIGGERED) {
            stopPaging(e, e.incident() + " is " + status, ACTOR);
        } else if (maintenance.isPresent()) {
            stopPaging(e, maintenance.get(), ACTOR);
        } else if (step.level() > e.levels()) {
            String why = "no acknowledgement within " + TimeText.duration(waited) + " of level " + e.level() + " ("
                    + e.policy().level(e.level()).name() + "), the last level"
                    + (e.policy().repeat() > 0 ? ", after " + (e.policy().repeat() + 1) + " rounds" : "");
            e.stop(EscalationState.EXHAUSTED, why);
            pager.record(e.incident(), "Out of levels: " + why + "; paging stopped", ACTOR);
            pager.pagingStopped(e, "out of levels: " + why);
        } else {
            String reason = step.attempt() > e.attempt()
                    ? "no acknowledgement after the last level: round " + step.attempt() + " of " + (e.policy().repeat() + 1)
                    : "no acknowledgement within " + TimeText.duration(waited) + " of level " + e.level();
            pageLevel(e, step.level(), step.attempt(), reason, ACTOR, now);
        }
        escalations.update(e, now);
    }

    /** The team notice of an incident that is not paged fell due with business hours. */
    void fireNotice(IncidentId id) {
        Optional<Escalation> found = escalations.findForUpdate(id);
        if (found.isEmpty() || found.get().state() != EscalationState.NOTICE_PENDING) {
            return;
        }
        Escalation e = found.get();
        Instant now = clock.instant();
        IncidentStatus status = incidents.get(id).status();
        if (!status.isOpen()) {
            String why = id + " is " + status + ": the team notice is not sent";
            e.stop(EscalationState.STOPPED, why);
            pager.record(id, why, ACTOR);
        } else {
            sendTeamNotice(e, now, "business hours started");
        }
        escalations.update(e, now);
    }

    /** The incident moved past TRIGGERED (acknowledged, or further): stop paging and cancel the pending timer. */
    void statusChanged(IncidentId id, IncidentStatus to, String actor) {
        tx.executeWithoutResult(status -> {
            Optional<Escalation> found = escalations.findForUpdate(id);
            if (found.isEmpty()) {
                return;
            }
            Escalation e = found.get();
            if (e.state() == EscalationState.PAGING && to != IncidentStatus.TRIGGERED) {
                stopPaging(e, id + " " + to + " by " + actor, actor);
                if (to == IncidentStatus.ACKNOWLEDGED && e.severity() == Severity.CRITICAL && settings.tellNextOnCall()) {
                    pager.record(id, pager.tellNextOnCall(e, actor, clock.instant()), ACTOR);
                }
            } else if (e.state() == EscalationState.NOTICE_PENDING && !to.isOpen()) {
                timers.cancelNotice(new TeamNoticeDue(id.number()));
                String why = id + " " + to + " by " + actor + " before business hours: the team notice is not sent";
                e.stop(EscalationState.STOPPED, why);
                pager.record(id, why, actor);
            } else {
                return;
            }
            escalations.update(e, clock.instant());
        });
    }

    /**
     * A new severity: a pending timer is re-timed with the new acknowledge timeout (counted from the last page), a
     * severity that is not paged stops paging, and one that is starts it on an incident still TRIGGERED.
     */
    void severityChanged(IncidentId id, Severity from, Severity to, String actor) {
        tx.executeWithoutResult(status -> {
            Optional<Escalation> found = escalations.findForUpdate(id);
            if (found.isEmpty()) {
                startOrGet(id);
                return;
            }
            Escalation e = found.get();
            Instant now = clock.instant();
            e.severity(to);
            boolean triggered = incidents.get(id).status() == IncidentStatus.TRIGGERED;
            if (e.state() == EscalationState.PAGING && !e.policy().pages(to)) {
                stopPaging(e, "severity lowered from " + from + " to " + to + ", which is not paged", actor);
            } else if (e.state() == EscalationState.PAGING && e.next() != null && e.nextAt() != null) {
                retime(e, from, to, actor, now);
            } else if (e.state() != EscalationState.PAGING && e.state() != EscalationState.EXHAUSTED
                    && e.policy().pages(to) && triggered) {
                Optional<String> maintenance = maintenance(id);
                if (maintenance.isPresent()) {
                    pager.record(id, "Severity " + from + " → " + to + " is paged, but not now: " + maintenance.get(),
                            actor);
                } else {
                    if (e.state() == EscalationState.NOTICE_PENDING) {
                        timers.cancelNotice(new TeamNoticeDue(id.number()));
                    }
                    e.resumePaging();
                    pageLevel(e, 1, e.attempt() + 1, "severity raised from " + from + " to " + to, actor, now);
                }
            }
            escalations.update(e, now);
        });
    }

    /** A maintenance window covering the incident began: a paging escalation stops, its pending page cancelled. */
    void maintenanceBegan(IncidentId id, String why) {
        tx.executeWithoutResult(status -> {
            Optional<Escalation> found = escalations.findForUpdate(id);
            if (found.isEmpty() || found.get().state() != EscalationState.PAGING) {
                return;
            }
            stopPaging(found.get(), why, ACTOR);
            escalations.update(found.get(), clock.instant());
        });
    }

    /** {@code maintenance window #3 by bob (paymaster migration) is in force until 2026-11-25 05:00:00Z}. */
    static String underMaintenance(String window, Instant until) {
        return window + " is in force until " + Texts.time(until) + "; no pages until then";
    }

    /** Why the incident is not paged now: a maintenance window covers it. */
    private Optional<String> maintenance(IncidentId id) {
        return silences.maintenanceCovering(id).map(w -> underMaintenance(w.describe(), w.endsAt()));
    }

    /** Pages the next level now, by hand; climbs on from there while the incident is TRIGGERED and paged. */
    EscalationView escalate(IncidentId id, String reason, String actor) {
        tx.executeWithoutResult(status -> {
            Escalation e = escalations.findForUpdate(id).orElseGet(() -> startOrGet(id));
            int next = e.level() + 1;
            if (next > e.levels()) {
                throw new EscalationConflict(id + " has already paged its last level, " + e.level() + " ("
                        + e.policy().level(e.level()).name() + "): there is no one left to escalate to");
            }
            EscalationStep pending = e.takeNext();
            if (pending != null) {
                timers.cancel(pending);
            }
            Instant now = clock.instant();
            pageLevel(e, next, Math.max(e.attempt(), 1), "escalated by hand by " + actor + ": " + reason, actor, now);
            escalations.update(e, now);
        });
        return view(id).orElseThrow();
    }

    Optional<EscalationView> view(IncidentId id) {
        return escalations.find(id).map(e -> new EscalationView(e.incident(), e.policy(), e.severity(), e.state(),
                e.attempt(), e.level(), e.levelPagedAt(), next(e), e.stoppedReason(), e.startedAt(),
                escalations.pages(id)));
    }

    private Escalation startOrGet(IncidentId id) {
        Optional<Escalation> existing = escalations.findForUpdate(id);
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        EscalationPolicy policy = catalog.policyFor(incidents.get(id).components());
        // Recording first takes the incident's lock: its status cannot change until this transaction ends.
        pager.record(id, "Escalation policy '" + policy.id() + "' (" + policy.name() + ") applies as it stands now: "
                + Texts.path(policy) + "; " + Texts.timeouts(policy), ACTOR);
        IncidentView incident = incidents.get(id);
        Escalation e = Escalation.begin(id, policy, incident.severity(), now);
        escalations.insert(e, now);
        if (incident.status() != IncidentStatus.TRIGGERED) {
            String why = id + " was already " + incident.status() + ": nobody paged";
            e.stop(EscalationState.STOPPED, why);
            pager.record(id, why, ACTOR);
        } else if (policy.pages(incident.severity())) {
            Optional<String> maintenance = maintenance(id);
            if (maintenance.isPresent()) {
                e.stop(EscalationState.STOPPED, maintenance.get());
                pager.record(id, "Nobody paged: " + maintenance.get(), ACTOR);
            } else {
                pageLevel(e, 1, 1, "initial page", ACTOR, now);
            }
        } else {
            Instant open = policy.businessHours().nextOpen(now, policy.zone());
            if (open.equals(now)) {
                sendTeamNotice(e, now, "within business hours");
            } else {
                e.awaitBusinessHours(open);
                timers.scheduleNotice(new TeamNoticeDue(id.number()), open);
                pager.record(id, incident.severity() + " is not paged: the team notice waits for business hours, "
                        + Texts.local(open, policy.zone()), ACTOR);
            }
        }
        escalations.update(e, now);
        return e;
    }

    /**
     * Pages {@code level} (a level with nobody to page passes on to the next at once), records it, and sets the timer
     * for what comes next while the escalation is paging.
     */
    private void pageLevel(Escalation e, int level, int attempt, String reason, String actor, Instant now) {
        String why = reason;
        for (int l = level;; l++) {
            EscalationPolicy.Level target = e.policy().level(l);
            List<Person> people = pager.targets(target, now);
            e.paged(l, attempt, now);
            List<Person> paged = new ArrayList<>();
            List<String> passedOver = new ArrayList<>();
            for (Person person : people) {
                String refusal = target.passesOver(person, pager.zoneOf(person, target, e.policy()), now);
                if (refusal == null) {
                    paged.add(person);
                } else {
                    passedOver.add(refusal);
                }
            }
            String skipped = String.join("; ", passedOver);
            if (paged.isEmpty()) {
                String passed = "Level " + l + " (" + target.name() + ") " + (people.isEmpty()
                        ? "has nobody to page: " + pager.nobody(target, now) : "skipped: " + skipped);
                if (l < e.levels()) {
                    pager.record(e.incident(), passed + "; paging level " + (l + 1) + " at once", actor);
                    why = "level " + l + (people.isEmpty() ? " had nobody to page" : " was skipped (" + skipped + ")");
                    continue;
                }
                pager.record(e.incident(), passed + then(e, now), actor);
                return;
            }
            boolean sent = false;
            for (Person person : paged) {
                sent |= pager.page(e, l, attempt, person, why, actor, now);
            }
            String then = then(e, now);
            if (sent) {
                pager.record(e.incident(), "Paged level " + l + " (" + target.name() + "): " + Pager.reached(paged)
                        + " - " + why + (passedOver.isEmpty() ? "" : "; not paged: " + skipped) + then, actor);
            }
            return;
        }
    }

    /** Sets the timer for what follows the level just paged, while paging; says what and when. */
    private String then(Escalation e, Instant now) {
        if (e.state() != EscalationState.PAGING) {
            return "";
        }
        EscalationStep next = e.level() < e.levels() ? step(e, e.level() + 1, e.attempt())
                : e.attempt() <= e.policy().repeat() ? step(e, 1, e.attempt() + 1)
                : step(e, e.levels() + 1, e.attempt());
        Instant at = now.plus(e.policy().timeout(e.level(), e.severity()).orElseThrow());
        timers.schedule(next, at);
        e.scheduleNext(next, at);
        return "; " + what(e, next) + " at " + Texts.time(at) + " unless acknowledged";
    }

    private void retime(Escalation e, Severity from, Severity to, String actor, Instant now) {
        Duration wait = e.policy().timeout(e.level(), to).orElseThrow();
        Instant pagedAt = e.levelPagedAt();
        Instant at = pagedAt == null || pagedAt.plus(wait).isBefore(now) ? now : pagedAt.plus(wait);
        Instant before = e.nextAt();
        EscalationStep next = e.next();
        if (at.equals(before) || before == null || next == null || !timers.reschedule(next, at)) {
            return;
        }
        e.retime(at);
        pager.record(e.incident(), "Severity " + from + " → " + to + ": " + what(e, next) + " moves from "
                + Texts.time(before) + " to " + Texts.time(at) + " (" + TimeText.duration(wait) + " after level "
                + e.level() + " was paged)", actor);
    }

    private void stopPaging(Escalation e, String why, String actor) {
        Instant dueAt = e.nextAt();
        EscalationStep pending = e.takeNext();
        String cancelled = pending == null || dueAt == null ? ""
                : pending.level() > e.levels() ? "; it was the last level"
                : "; " + what(e, pending) + " due at " + Texts.time(dueAt) + " is cancelled";
        if (pending != null) {
            timers.cancel(pending);
        }
        e.stop(EscalationState.STOPPED, why);
        pager.record(e.incident(), "Paging stopped after level " + e.level() + " ("
                + e.policy().level(Math.max(e.level(), 1)).name() + "): " + why + cancelled, actor);
        pager.pagingStopped(e, why);
    }

    private void sendTeamNotice(Escalation e, Instant now, String when) {
        e.noticeSent();
        String text = pager.teamNotice(e, now)
                .map(told -> e.severity() + " is not paged: team notice sent to " + told + " (" + when + ")")
                .orElse(e.severity() + " is not paged, and level 1 (" + e.policy().level(1).name()
                        + ") has nobody to tell: " + pager.nobody(e.policy().level(1), now));
        pager.record(e.incident(), text, ACTOR);
    }

    private static EscalationStep step(Escalation e, int level, int attempt) {
        return new EscalationStep(e.incident().number(), level, attempt);
    }

    private static String what(Escalation e, EscalationStep step) {
        if (step.level() > e.levels()) {
            return "out of levels";
        }
        String level = "level " + step.level() + " (" + e.policy().level(step.level()).name() + ")";
        return step.attempt() > e.attempt() ? "round " + step.attempt() + " from " + level : level;
    }

    private static EscalationView.@Nullable Next next(Escalation e) {
        Instant at = e.nextAt();
        EscalationStep step = e.next();
        if (at == null) {
            return null;
        }
        if (e.state() == EscalationState.NOTICE_PENDING) {
            return new EscalationView.Next(0, 0, at, "team notice");
        }
        return step == null ? null : new EscalationView.Next(step.level(), step.attempt(), at, what(e, step));
    }
}
