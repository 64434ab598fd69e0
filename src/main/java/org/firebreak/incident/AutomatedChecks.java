package org.firebreak.incident;

import org.firebreak.shared.web.Actor;
import org.firebreak.incident.IncidentEvents.IncidentOpened;
import org.firebreak.playbook.StepExecutors;
import org.firebreak.playbook.StepKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * Runs a new incident's automated checks at once, so the first responder opens an incident that already has
 * evidence. Only diagnostics run by themselves; actions wait for the commander. The listener goes through the
 * event publication registry, so checks owed by an incident opened just before a crash run after the restart.
 * It runs outside any transaction (not {@code @ApplicationModuleListener}, which opens one around the whole
 * listener): each check's result commits on its own as it lands, and no lock on the incident is held while a
 * check waits on the chain, so people changing the incident meanwhile are not blocked.
 */
@Component
class AutomatedChecks {

    static final String ACTOR = Actor.SYSTEM;
    private static final Logger log = LoggerFactory.getLogger(AutomatedChecks.class);

    private final IncidentApi incidents;
    private final StepExecutors executors;

    AutomatedChecks(IncidentApi incidents, StepExecutors executors) {
        this.incidents = incidents;
        this.executors = executors;
    }

    @Async
    @TransactionalEventListener
    void on(IncidentOpened opened) {
        for (StepView step : incidents.get(opened.id()).checklist()) {
            IncidentStatus now = incidents.get(opened.id()).status();
            if (now == IncidentStatus.RESOLVED || now == IncidentStatus.CLOSED) {
                // Evidence for an incident already over is spent RPC budget that live incidents' checks need.
                log.info("{} was {} before its automated checks had all run; the rest are left", opened.id(), now);
                return;
            }
            boolean diagnostic = step.kind() == StepKind.AUTOMATED && step.automation() != null
                    && step.automation().startsWith("diagnostic:") && executors.find(step.automation()).isPresent();
            if (diagnostic && step.outcome() == null) {
                try {
                    incidents.runStep(opened.id(), step.no(), ACTOR, false);
                } catch (RuntimeException e) {
                    // One broken check must not stop the others; the step stays pending for a person.
                    log.warn("Automated check {} of {} failed to run: {}", step.automation(), opened.id(), e.getMessage());
                }
            }
        }
    }
}
