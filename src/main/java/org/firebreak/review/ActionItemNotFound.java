package org.firebreak.review;

import org.firebreak.shared.NotFound;

/** No action item has that id (HTTP 404). */
public class ActionItemNotFound extends NotFound {

    ActionItemNotFound(long id) {
        super("Action item not found", "there is no action item " + id);
    }
}
