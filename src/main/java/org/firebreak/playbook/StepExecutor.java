package org.firebreak.playbook;

/**
 * Runs the automated steps that name its {@link #automation()} id, e.g. {@code diagnostic:rpc-status}.
 * Modules that can check or change the world (the chain, notifications) contribute beans of this type.
 */
public interface StepExecutor {

    /** The automation id this executor serves, as written in playbooks. */
    String automation();

    /**
     * True for steps that change the world (pause a contract, page people) rather than read it; the incident
     * module runs them only when confirmed and asked for by the incident commander.
     */
    default boolean isAction() {
        return automation().startsWith("action:");
    }

    /** Runs the step for an incident. Must return within its own timeout and never throw for a failed check. */
    StepOutcome run(StepRun run);

    /** Which step of which incident is being run, and by whom. */
    record StepRun(String incidentId, String stepId, String actor) {
    }
}
