package org.firebreak.oncall;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.firebreak.incident.IncidentId;
import org.firebreak.playbook.StepExecutor;
import org.firebreak.playbook.StepOutcome;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The plan's "Notify team" step ({@code action:page-on-call}). Paging starts by itself when an incident opens, so
 * the step usually reports who was paged; when nobody has been (paging off, or an incident older than on-call), it
 * pages the next level now, as escalating by hand does.
 */
@Component
class PageOnCallStep implements StepExecutor {

    private final EscalationApi escalations;
    private final Paging paging;

    /** Lazy: the incident module finds its step executors when it is built, this one among them. */
    PageOnCallStep(@Lazy EscalationApi escalations, @Lazy Paging paging) {
        this.escalations = escalations;
        this.paging = paging;
    }

    @Override
    public String automation() {
        return "action:page-on-call";
    }

    @Override
    public StepOutcome run(StepRun run) {
        IncidentId id = IncidentId.parse(run.incidentId());
        boolean paged = paging.view(id).map(e -> !e.pages().isEmpty()).orElse(false);
        EscalationView escalation = paged ? escalations.escalation(id)
                : escalations.escalate(id, "from the checklist's Notify team step", run.actor());
        if (escalation.pages().isEmpty()) {
            return new StepOutcome(StepOutcome.Result.WARN, "Nobody was paged: " + escalation.state()
                    + (escalation.stoppedReason() == null ? "" : " (" + escalation.stoppedReason() + ")"), Map.of());
        }
        String who = escalation.pages().stream().map(p -> "L" + p.level() + " " + p.person() + " at " + p.at())
                .collect(Collectors.joining(", "));
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("policy", escalation.policy().id());
        evidence.put("state", escalation.state().name());
        evidence.put("pages", who);
        return new StepOutcome(StepOutcome.Result.OK, (paged ? "Already paged: " : "Paged now: ") + who
                + "; escalation " + escalation.state(), evidence);
    }
}
