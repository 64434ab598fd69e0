package org.firebreak.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentView;
import org.firebreak.incident.TimelineKind;
import org.firebreak.notify.ChannelSender.Outgoing;
import org.firebreak.notify.Notifications.Delivery;
import org.firebreak.shared.TimeText;
import org.firebreak.shared.web.Actor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Stores each requested notification once and delivers it to each destination on its own: an attempt is claimed
 * (stored as SENDING) in one short transaction, sent outside any transaction, and its outcome recorded (with its
 * timeline entry) in another. A failure worth retrying is retried by a persistent db-scheduler execution
 * ({@link DeliveryTask}) after an exponential backoff; each delivery also has that execution from the moment it is
 * stored, due after the attempt lease, so a delivery whose first attempt never ran is still made. An attempt that
 * never finished (the process died while sending) is made again only where the channel drops repeats by the
 * idempotency key ({@link ChannelKind#dropsRepeats()}); elsewhere it settles as UNKNOWN, so Slack and email show a
 * message at most once (docs/notifications-delivery.md).
 *
 * <p>Backoffs and leases run on the system clock, as db-scheduler does; the timeline's times come from the
 * application's {@link Clock}.
 */
@Service
class Deliveries {

    static final String ACTOR = Actor.SYSTEM;
    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    /** Added to twice the request timeout: how long an attempt may run before another process may take it over. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(5);

    private final Notifications notifications;
    private final MessageTemplates templates;
    private final IncidentApi incidents;
    private final Map<ChannelKind, ChannelSender> senders = new EnumMap<>(ChannelKind.class);
    private final NotifySettings settings;
    private final DeliveryTask.Schedule schedule;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final Clock schedulerClock = Clock.systemUTC();

    Deliveries(Notifications notifications, MessageTemplates templates, IncidentApi incidents,
            List<ChannelSender> senders, NotifySettings settings, DeliveryTask.Schedule schedule,
            TransactionTemplate tx, JsonMapper json, Clock clock) {
        this.notifications = notifications;
        this.templates = templates;
        this.incidents = incidents;
        senders.forEach(s -> this.senders.put(s.kind(), s));
        this.settings = settings;
        this.schedule = schedule;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Stores the notification, rendered, with one delivery per destination, each with its fallback execution. Runs
     * in the caller's transaction. A key already stored stores nothing: the ids returned are empty.
     */
    List<Long> store(NotificationRequest request) {
        if (notifications.exists(request.key())) {
            log.info("Notification {} was already requested; nothing new is sent", request.key());
            return List.of();
        }
        IncidentView incident = request.incident() == null ? null : incidents.get(request.incident());
        return store(request.key(), request.incident(), request.kind(), render(request, incident), request.to());
    }

    /** Stores an announcement as a notification about no incident, of kind {@link MessageKind#STATUS_UPDATE}. */
    List<Long> store(Announcement announcement) {
        if (notifications.exists(announcement.key())) {
            log.info("Announcement {} was already requested; nothing new is sent", announcement.key());
            return List.of();
        }
        Map<String, Object> payload = new java.util.TreeMap<>(announcement.payload());
        return store(announcement.key(), null, MessageKind.STATUS_UPDATE, new Message(announcement.subject(),
                announcement.body(), json.writeValueAsString(payload)), List.of(announcement.to()));
    }

    private List<Long> store(String key, @Nullable IncidentId incident, MessageKind kind, Message message,
            List<Destination> to) {
        Instant now = clock.instant();
        Long id = notifications.insert(key, incident, kind, message, now).orElse(null);
        if (id == null) {
            log.info("Notification {} was requested twice at once; it is sent once", key);
            return List.of();
        }
        List<Long> deliveries = new ArrayList<>();
        for (int i = 0; i < to.size(); i++) {
            long delivery = notifications.insertDelivery(id, i + 1, key + "/" + (i + 1), to.get(i), now);
            schedule.fallback(delivery, schedulerClock.instant().plus(lease()));
            deliveries.add(delivery);
        }
        return deliveries;
    }

    /** An attempt right after the request committed; what comes next is scheduled here. */
    void attemptNow(long delivery) {
        attempt(delivery, true);
    }

    /**
     * An attempt by the scheduled execution; returns when the execution should run again, or null when the
     * delivery is settled (the execution is then removed by its completion handler).
     */
    @Nullable Instant attemptScheduled(long delivery) {
        return attempt(delivery, false);
    }

    private @Nullable Instant attempt(long id, boolean reschedule) {
        Claim claim = Objects.requireNonNull(tx.execute(status -> claim(id)));
        if (claim.attempt == null) {
            if (reschedule && claim.next == null) {
                schedule.cancel(id);
            }
            return claim.next;
        }
        Outgoing out = claim.attempt;
        Sent sent;
        try {
            sent = senders.get(out.to().channel()).send(out);
        } catch (RuntimeException e) {
            sent = new Sent.Retryable(Sent.describe(e));
        }
        Sent outcome = sent;
        return tx.execute(status -> {
            @Nullable Instant next = settle(id, out, outcome);
            if (reschedule) {
                if (next == null) {
                    schedule.cancel(id);
                } else {
                    schedule.at(id, next);
                }
            }
            return next;
        });
    }

    /** Takes the next attempt, or says why not and when to look again. */
    private Claim claim(long id) {
        Delivery d = notifications.findForUpdate(id).orElse(null);
        if (d == null) {
            return new Claim(null, null);
        }
        Instant now = schedulerClock.instant();
        switch (d.row().status()) {
            case DELIVERED, FAILED, UNKNOWN -> {
                return new Claim(null, null);
            }
            case SENDING -> {
                Instant lease = Objects.requireNonNull(d.row().leaseUntil());
                if (lease.isAfter(now)) {
                    return new Claim(null, lease);
                }
                if (!d.row().to().channel().dropsRepeats()) {
                    notifications.settle(id, DeliveryStatus.UNKNOWN,
                            "outcome unknown (the process sending it stopped)", null, null, clock.instant());
                    record(d, d.row().attempts(), unknownNote(d, "the process sending it stopped"));
                    return new Claim(null, null);
                }
                record(d, d.row().attempts(), "no outcome (the process sending it stopped); trying again");
            }
            case RETRYING -> {
                Instant due = d.row().nextAttemptAt();
                if (due != null && due.isAfter(now)) {
                    return new Claim(null, due);
                }
            }
            case PENDING -> {
            }
        }
        int attempt = d.row().attempts() + 1;
        notifications.claim(id, attempt, now.plus(lease()), clock.instant());
        return new Claim(new Outgoing(d.row().key(), attempt, d.row().to(), d.kind(), d.message()), null);
    }

    private @Nullable Instant settle(long id, Outgoing out, Sent result) {
        Delivery d = notifications.findForUpdate(id).orElseThrow();
        boolean ours = d.row().status() == DeliveryStatus.SENDING || d.row().status() == DeliveryStatus.UNKNOWN;
        if (d.row().attempts() != out.attempt() || !ours) {
            // Another process took the attempt over after our lease ran out; its outcome stands.
            record(d, out.attempt(), result.detail() + " (late: attempt " + d.row().attempts() + " has taken over)");
            return null;
        }
        Instant now = clock.instant();
        Sent sent = result instanceof Sent.Unknown unknown && out.to().channel().dropsRepeats()
                ? new Sent.Retryable(unknown.detail()) : result;
        return switch (sent) {
            case Sent.Delivered delivered -> {
                notifications.settle(id, DeliveryStatus.DELIVERED, delivered.detail(), null, now, now);
                record(d, out.attempt(), "delivered (" + delivered.detail() + ")");
                yield null;
            }
            case Sent.Retryable retryable when out.attempt() < settings.retry().attempts() -> {
                Duration wait = settings.retry().backoffAfter(out.attempt());
                Instant next = schedulerClock.instant().plus(wait);
                notifications.settle(id, DeliveryStatus.RETRYING, retryable.detail(), next, null, now);
                record(d, out.attempt(), retryable.detail() + ", retrying in " + TimeText.duration(wait));
                yield next;
            }
            case Sent.Retryable retryable -> {
                notifications.settle(id, DeliveryStatus.FAILED, retryable.detail(), null, null, now);
                record(d, out.attempt(), retryable.detail() + "; FAILED after " + out.attempt() + " attempts");
                yield null;
            }
            case Sent.Unknown unknown -> {
                notifications.settle(id, DeliveryStatus.UNKNOWN, unknown.detail() + "; outcome unknown", null, null,
                        now);
                record(d, out.attempt(), unknown.detail() + "; " + unknownNote(d, "it may have arrived"));
                yield null;
            }
            case Sent.Failed failed -> {
                notifications.settle(id, DeliveryStatus.FAILED, failed.detail(), null, null, now);
                record(d, out.attempt(), failed.detail() + "; FAILED, not retried");
                yield null;
            }
        };
    }

    /**
     * Why an attempt of unknown outcome is not made again: the channel would show a repeat, and a page that
     * nobody acknowledges still escalates, which reaches someone without a duplicate.
     */
    private static String unknownNote(Delivery d, String why) {
        String channel = d.row().to().channel().name().toLowerCase(java.util.Locale.ROOT);
        return "outcome unknown (" + why + "); not sent again to avoid a duplicate (" + channel
                + " cannot drop a repeat)"
                + (d.kind() == MessageKind.PAGE ? "; escalation goes on while nobody acknowledges" : "");
    }

    /** "PAGE to bob via webhook https://hooks.example/… attempt 2: HTTP 500, retrying in 4 s". */
    private void record(Delivery d, int attempt, String outcome) {
        Destination to = d.row().to();
        String text = d.kind() + (to.person() == null ? "" : " to " + to.person()) + " via "
                + to.channel().name().toLowerCase(java.util.Locale.ROOT) + " " + Addresses.display(to, settings)
                + " attempt " + attempt + ": " + outcome;
        if (d.incident() == null) {
            log.info("{} ({})", text, d.notificationKey());
        } else {
            incidents.record(d.incident(), TimelineKind.NOTIFICATION, text, ACTOR);
        }
    }

    private Message render(NotificationRequest request, @Nullable IncidentView incident) {
        MessageTemplates.Rendered rendered = templates.render(request.kind(), incident, request.values());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("notificationKey", request.key());
        payload.put("kind", request.kind().name());
        if (incident != null) {
            Map<String, Object> about = new LinkedHashMap<>();
            about.put("id", incident.id().toString());
            about.put("title", incident.title());
            about.put("severity", incident.severity().name());
            about.put("status", incident.status().name());
            about.put("commander", incident.commander());
            about.put("components", incident.components());
            about.put("url", templates.incidentUrl(incident));
            payload.put("incident", about);
        }
        payload.put("values", new java.util.TreeMap<>(request.values()));
        payload.put("requestedAt", clock.instant().toString());
        return new Message(rendered.subject(), rendered.body(), json.writeValueAsString(payload));
    }

    private Duration lease() {
        return settings.requestTimeout().multipliedBy(2).plus(LEASE_MARGIN);
    }

    /** The attempt to make, or when to look again (null: never, the delivery is settled). */
    private record Claim(@Nullable Outgoing attempt, @Nullable Instant next) {
    }
}
