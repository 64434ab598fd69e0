package org.firebreak.notify;

import org.firebreak.shared.StoredText;

/** What one attempt on a channel came to. The detail never carries a secret or a tokened URL. */
sealed interface Sent {

    String detail();

    /** The channel took the message. */
    record Delivered(String detail) implements Sent {
    }

    /** A failure that may pass, with the message known not to have arrived: a 5xx, a refused connection. */
    record Retryable(String detail) implements Sent {
    }

    /**
     * The message went out and no answer came: a response that timed out, a connection lost after the request was
     * written. It may have arrived; a channel that drops repeats by key tries again, any other does not.
     */
    record Unknown(String detail) implements Sent {
    }

    /** A failure that a retry will not cure: a 4xx, a bad address, nothing configured. */
    record Failed(String detail) implements Sent {
    }

    /** A short description of an exception for the timeline: what happened, without a stack or a URL. */
    static String describe(Throwable e) {
        Throwable root = root(e);
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().strip().replaceAll("\\s+", " ");
        String text = root.getClass().getSimpleName() + message;
        return StoredText.abbreviate(StoredText.clean(text), 300);
    }

    /** The innermost cause. */
    static Throwable root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
