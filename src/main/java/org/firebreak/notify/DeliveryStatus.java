package org.firebreak.notify;

/** Where one delivery stands. Stored by name. */
public enum DeliveryStatus {
    /** Stored, not yet attempted. */
    PENDING,
    /** An attempt is in flight. */
    SENDING,
    /** An attempt failed in a way worth retrying; the next one is scheduled. */
    RETRYING,
    DELIVERED,
    /** Given up: a permanent failure, or the last attempt failed. */
    FAILED,
    /**
     * An attempt was made and the process making it stopped before its outcome was known, on a channel that cannot
     * drop a repeat (Slack, email, the console): it may or may not have arrived, and it is not sent again, so it is
     * never shown twice. A page in this state still escalates while nobody acknowledges.
     */
    UNKNOWN
}
