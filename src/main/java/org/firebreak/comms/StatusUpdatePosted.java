package org.firebreak.comms;

/** Published when a status update is posted, in the transaction that stores it (for the status page). */
public record StatusUpdatePosted(StatusUpdateView update) {
}
