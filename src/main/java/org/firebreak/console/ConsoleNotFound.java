package org.firebreak.console;

import org.firebreak.shared.NotFound;

/** A console address that names nothing: answered with the console's not-found page. */
class ConsoleNotFound extends NotFound {

    ConsoleNotFound(String message) {
        super("Not found", message);
    }
}
