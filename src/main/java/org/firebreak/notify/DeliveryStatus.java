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
    FAILED
}
