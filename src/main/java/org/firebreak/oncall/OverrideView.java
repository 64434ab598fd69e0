package org.firebreak.oncall;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** An override created at run time: {@code person} covers {@code schedule} from {@code from} until {@code until}. */
public record OverrideView(long id, String schedule, String person, Instant from, Instant until,
        @Nullable String reason, String createdBy, Instant createdAt) {

    boolean covers(Instant at) {
        return !at.isBefore(from) && at.isBefore(until);
    }

    String source() {
        return "override #" + id + " by " + createdBy + (reason == null || reason.isBlank() ? "" : " (" + reason + ")");
    }
}
