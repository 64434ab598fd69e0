package org.firebreak.oncall;

import org.firebreak.shared.NotFound;

/** A calendar link names no schedule or person, or its token is not theirs (HTTP 404: says nothing of which). */
public class CalendarNotFound extends NotFound {

    CalendarNotFound() {
        super("Calendar not found", "There is no calendar at this link: the id is unknown or the token is not its own");
    }
}
