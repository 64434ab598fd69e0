package org.firebreak.notify;

import java.util.Map;

/**
 * A message about no incident in particular, already worded by its sender, to one destination: the status page's
 * notices to its subscribers (a confirmation link, a component's new status). It travels as a notification does
 * (stored once per key, retried, each attempt with the same body and {@code Idempotency-Key}), but it lands on no
 * incident's timeline and a webhook receives exactly {@code payload}, with none of an incident's internal fields.
 *
 * @param payload the JSON object a webhook receives, plus {@code deliveryKey}, {@code subject} and {@code text}
 * @param key unique per message: asking twice with one key sends once
 */
public record Announcement(Destination to, String subject, String body, Map<String, Object> payload, String key) {

    public Announcement {
        payload = Map.copyOf(payload);
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("an announcement needs a key of 1 to 200 characters");
        }
    }
}
