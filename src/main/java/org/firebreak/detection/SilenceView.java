package org.firebreak.detection;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A silence or maintenance window and what it held back. Every matcher given must match an alert: its rule (the
 * rule id, or Alertmanager's alertname), one of its components, one label.
 *
 * @param endedAt set when someone ended it before {@code endsAt}
 * @param suppressed the alerts it kept from opening incidents, most recent first
 */
public record SilenceView(long id, SilenceKind kind, @Nullable String rule, @Nullable String component,
        @Nullable String labelName, @Nullable String labelValue, Instant startsAt, Instant endsAt,
        @Nullable Instant endedAt, String author, String reason, Instant createdAt, boolean active,
        List<Suppressed> suppressed) {

    public record Suppressed(String integration, String dedupKey, String title, Instant firstAt, Instant lastAt,
            long times) {
    }

    /** The period it was in force, for a timeline line: "from 10:00Z to 10:20Z". */
    public String period() {
        return "from " + startsAt + " to " + (endedAt != null ? endedAt + " (ended early)" : endsAt.toString());
    }

    public String describe() {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace("maintenance", "maintenance window") + " #" + id
                + " by " + author + " (" + reason + ")";
    }
}
