package org.firebreak.notify;

/** Published, in the requester's transaction, for each announcement to deliver; delivery listens after commit. */
public record AnnouncementRequested(Announcement announcement) {
}
