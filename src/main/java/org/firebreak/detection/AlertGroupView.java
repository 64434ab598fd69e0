package org.firebreak.detection;

import java.time.Instant;

import org.firebreak.incident.IncidentId;
import org.jspecify.annotations.Nullable;

/**
 * A group of alerts as an incident shows it: the alerts that came in under one group (an Alertmanager notification's
 * group, a rule group, or one lone alert) and share an incident.
 *
 * @param key the sender's group key (e.g. Alertmanager's groupKey), or {@code alert:<dedup key>} for a lone alert
 * @param absorbed taken in by a storm incident instead of opening an incident of its own; it can be split out
 * @param alerts how many alerts of the group this incident holds, of which {@code firing} still fire
 */
public record AlertGroupView(long id, String integration, String key, String name, @Nullable IncidentId incident,
        boolean absorbed, long alerts, long firing, @Nullable Instant firstSeenAt, @Nullable Instant lastSeenAt) {
}
