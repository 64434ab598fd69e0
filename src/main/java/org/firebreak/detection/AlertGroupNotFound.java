package org.firebreak.detection;

import org.firebreak.incident.IncidentId;
import org.firebreak.shared.NotFound;

/** No group of alerts with this id that the storm incident took in (and so could be split out of it). */
public class AlertGroupNotFound extends NotFound {

    public AlertGroupNotFound(IncidentId storm, long group) {
        super("Alert group not found", storm + " took in no alert group " + group + "; only groups a storm incident took in can be split out"
                + " (GET /api/v1/incidents/" + storm + "/alerts lists its groups)");
    }
}
