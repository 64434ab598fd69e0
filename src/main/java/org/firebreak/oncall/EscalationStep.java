package org.firebreak.oncall;

import java.io.Serializable;

/**
 * The task data of an escalation timer: when it fires, page {@code level} of round {@code attempt} of incident
 * {@code incident}, unless the incident was acknowledged. A level past the policy's last means "out of levels".
 * Serialized into {@code scheduled_tasks}: keep the class name and fields while timers may be pending.
 */
record EscalationStep(long incident, int level, int attempt) implements Serializable {

    /** The db-scheduler instance id, e.g. {@code INC-7/L2/a1}: one timer per step, never two. */
    String instanceId() {
        return "INC-" + incident + "/L" + level + "/a" + attempt;
    }
}
