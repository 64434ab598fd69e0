package org.firebreak.detection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.firebreak.notify.Announcement;
import org.firebreak.notify.ChannelKind;
import org.firebreak.notify.Destination;
import org.firebreak.notify.NotificationApi;
import org.firebreak.shared.TimeText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows silences up, every {@code firebreak.detection.silences.check-every} on one replica at a time (db-scheduler
 * recurring task {@value #TASK}): tells a silence's author that it ends soon and that it has held alerts back for
 * long, and tells on-call that a maintenance window began. Each of these happens once per silence: it is claimed
 * (a column of the silence set while still empty) in the transaction that asks notify for the message, whose
 * announcement key is unique too, so neither a re-run, a restart nor a second replica repeats it.
 *
 * <p>Who is told: the author's contact methods in the on-call file (an author whose account name is a person's id),
 * else an author whose name is an email address, by email. An author with neither is not reached: the reminder is
 * logged as not sent, and counts as done.
 */
@Configuration(proxyBeanMethods = false)
class SilenceWatch {

    static final String TASK = "silence-watch";
    private static final Logger log = LoggerFactory.getLogger(SilenceWatch.class);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Silences silences;
    private final SilenceApi api;
    private final MaintenanceWindows maintenance;
    private final NotificationApi notifications;
    private final SilenceSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    SilenceWatch(Silences silences, SilenceApi api, MaintenanceWindows maintenance, NotificationApi notifications,
            SilenceSettings settings, TransactionTemplate tx, Clock clock) {
        this.silences = silences;
        this.api = api;
        this.maintenance = maintenance;
        this.notifications = notifications;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> silenceWatchTask() {
        return Tasks.recurring(TASK, FixedDelay.of(settings.checkEvery())).execute((instance, context) -> run());
    }

    /** Does what is due now; returns what it did, one line each (for tests and the log). */
    List<String> run() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<String> done = new ArrayList<>();
        for (SilenceView window : silences.maintenanceBegunUntold(now)) {
            tx.executeWithoutResult(status -> maintenance.tellBegun(window, now)
                    .ifPresent(b -> done.add(window.describe() + " began: " + b.incidents().size() + " incident(s)")));
        }
        if (!settings.remindBefore().isZero()) {
            for (SilenceView s : silences.endingUntold(now, now.plus(settings.remindBefore()))) {
                if (Duration.between(s.startsAt(), s.endsAt()).compareTo(settings.remindBefore()) > 0) {
                    endsSoon(s, now).ifPresent(done::add);
                }
            }
        }
        if (!settings.remindWhenHolding().isZero()) {
            for (Silences.Holding h : silences.holdingUntold(now, now.minus(settings.remindWhenHolding()))) {
                holding(api.get(h.silence()), h, now).ifPresent(done::add);
            }
        }
        return done;
    }

    private java.util.Optional<String> endsSoon(SilenceView s, Instant now) {
        String subject = "Your " + kind(s) + " #" + s.id() + " ends in " + TimeText.duration(Duration.between(now,
                s.endsAt()));
        String body = capitalized(s.describe()) + " ends at " + TimeText.at(s.endsAt()) + ". It matches "
                + matchers(s) + " and has held back " + count(s.suppressed().size(), "alert") + ". When it ends,"
                + " alerts still firing open their incidents. To keep it, add a new one before then (firebreak silence"
                + " add ...), or end it now if the work is done (firebreak silence end " + s.id() + ").";
        return remind(s, Silences.FollowUp.ENDS_SOON, "ends-soon", subject, body, now, Map.of());
    }

    private java.util.Optional<String> holding(SilenceView s, Silences.Holding h, Instant now) {
        String held = TimeText.duration(Duration.between(h.since(), now).truncatedTo(ChronoUnit.MINUTES));
        String subject = "Your " + kind(s) + " #" + s.id() + " has held back " + count(h.alerts(), "alert") + " for "
                + held;
        String body = capitalized(s.describe()) + " has kept " + count(h.alerts(), "alert") + " (" + count(h.times(),
                "time") + " in all) from opening incidents since " + TimeText.at(h.since()) + ", " + held + " ago. It"
                + " matches " + matchers(s) + " and ends at " + TimeText.at(s.endsAt()) + ". Is what it holds back"
                + " still expected? See them: firebreak silence show " + s.id() + ".";
        return remind(s, Silences.FollowUp.HOLDING, "holding", subject, body, now,
                Map.of("alerts", h.alerts(), "times", h.times(), "since", h.since().toString()));
    }

    /**
     * Claims the follow-up and asks notify for one announcement per contact of the author, in one transaction;
     * empty when it was claimed before.
     */
    private java.util.Optional<String> remind(SilenceView s, Silences.FollowUp followUp, String what, String subject,
            String body, Instant now, Map<String, Object> extra) {
        return java.util.Optional.ofNullable(tx.execute(status -> {
            if (!silences.claim(s.id(), followUp, now)) {
                return null;
            }
            List<Destination> to = contactsOf(s.author());
            if (to.isEmpty()) {
                log.warn("Reminder not sent: {}'s author '{}' has no contact method (no person of that id in the"
                        + " on-call file, and not an email address): {}", s.describe(), s.author(), subject);
                return "not sent (no contact for " + s.author() + "): " + subject;
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("type", "silence." + what);
            payload.put("silence", s.id());
            payload.put("kind", s.kind().name());
            payload.put("author", s.author());
            payload.put("reason", s.reason());
            payload.put("endsAt", s.endsAt().toString());
            payload.putAll(extra);
            for (int i = 0; i < to.size(); i++) {
                notifications.announce(new Announcement(to.get(i), subject, body, payload,
                        "silence:" + s.id() + ":" + what + ":" + i));
            }
            return subject + " → " + String.join(", ", to.stream().map(d -> d.channel() + " " + d.shown()).toList());
        }));
    }

    /** The author's contact methods in the on-call file; else their name as an email address; else none. */
    private List<Destination> contactsOf(String author) {
        List<Destination> own = notifications.contactsOf(author);
        if (!own.isEmpty() || !EMAIL.matcher(author).matches()) {
            return own;
        }
        return List.of(new Destination(ChannelKind.EMAIL, author, author));
    }

    private static String matchers(SilenceView s) {
        List<String> m = new ArrayList<>();
        if (s.rule() != null) {
            m.add("rule=" + s.rule());
        }
        if (s.component() != null) {
            m.add("component=" + s.component());
        }
        if (s.labelName() != null) {
            m.add(s.labelName() + "=" + s.labelValue());
        }
        return String.join(", ", m);
    }

    private static String kind(SilenceView s) {
        return s.kind() == SilenceKind.MAINTENANCE ? "maintenance window" : "silence";
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
