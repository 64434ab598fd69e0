package org.firebreak.devnet;

/** The devnet could not do what was asked; the message is one line a person can act on. */
public final class DevnetFailure extends RuntimeException {

    DevnetFailure(String message) {
        super(message);
    }

    DevnetFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
