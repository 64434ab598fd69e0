package org.firebreak.shared.web;

import org.firebreak.shared.NotFound;

/** A console address that names nothing: answered with the console's not-found page. */
public class PageNotFound extends NotFound {

    public PageNotFound(String message) {
        super("Not found", message);
    }
}
