package org.firebreak.review;

/** No action item has that id (HTTP 404). */
public class ActionItemNotFound extends RuntimeException {

    ActionItemNotFound(long id) {
        super("there is no action item " + id);
    }
}
