package org.firebreak.oncall;

import java.io.Serializable;

/**
 * The task data of a deferred team notice: an incident that is not paged (MEDIUM, LOW) is told to the team when
 * business hours start. Serialized into {@code scheduled_tasks}: keep the class name and fields.
 */
record TeamNoticeDue(long incident) implements Serializable {

    String instanceId() {
        return "INC-" + incident + "/team-notice";
    }
}
