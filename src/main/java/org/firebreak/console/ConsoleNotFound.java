package org.firebreak.console;

/** A console address that names nothing: answered with the console's not-found page. */
class ConsoleNotFound extends RuntimeException {

    ConsoleNotFound(String message) {
        super(message);
    }
}
