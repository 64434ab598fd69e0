package org.firebreak.oncall;

import java.util.List;
import org.firebreak.shared.NotFound;

/** No schedule has this id (HTTP 404). */
public class ScheduleNotFound extends NotFound {

    ScheduleNotFound(String id, List<String> known) {
        super("Schedule not found", "There is no schedule '" + id + "'; known: " + String.join(", ", known));
    }
}
