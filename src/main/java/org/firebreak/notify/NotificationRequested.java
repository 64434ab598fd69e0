package org.firebreak.notify;

/** Published, in the requester's transaction, for each message to deliver; delivery listens after commit. */
public record NotificationRequested(NotificationRequest request) {
}
