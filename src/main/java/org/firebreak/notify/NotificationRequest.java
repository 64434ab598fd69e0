package org.firebreak.notify;

import java.util.List;
import java.util.Map;

import org.firebreak.incident.IncidentId;
import org.jspecify.annotations.Nullable;

/**
 * One message to send, about an incident or, with {@code incident} null, about none (an on-call shift notice).
 *
 * @param values what the kind's templates fill in (e.g. {@code level}, {@code ackUrl}, {@code text}); the incident's
 *        own fields (id, title, severity, status, components, link) are added by the notify module; a message about
 *        no incident has no {@code incident.*} in its template and none in its webhook payload, and its deliveries
 *        are on no timeline (they are logged)
 * @param key unique per message (e.g. {@code INC-7:page:L2:bob}): asking twice with one key sends once, which
 *        makes a retried or replayed request harmless
 */
public record NotificationRequest(@Nullable IncidentId incident, MessageKind kind, List<Destination> to,
        Map<String, String> values, String key) {

    public NotificationRequest {
        to = List.copyOf(to);
        values = Map.copyOf(values);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("a notification needs at least one destination");
        }
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("a notification needs a key of 1 to 200 characters");
        }
    }
}
