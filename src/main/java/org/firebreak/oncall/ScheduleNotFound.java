package org.firebreak.oncall;

import java.util.List;

/** No schedule has this id (HTTP 404). */
public class ScheduleNotFound extends RuntimeException {

    ScheduleNotFound(String id, List<String> known) {
        super("There is no schedule '" + id + "'; known: " + String.join(", ", known));
    }
}
