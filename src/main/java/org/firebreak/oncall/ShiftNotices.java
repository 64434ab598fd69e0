package org.firebreak.oncall;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.firebreak.notify.MessageKind;
import org.firebreak.notify.NotificationApi;
import org.firebreak.notify.NotificationRequest;
import org.firebreak.shared.Sql;
import org.firebreak.shared.TimeText;
import org.firebreak.shared.web.PublicUrl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tells people their on-call shift starts soon: every {@code firebreak.oncall.shift-notice-every} a db-scheduler task
 * (one replica at a time) looks for shifts that start within {@code shift-notice-before} (default 1 h) in every
 * schedule, stored overrides included, and asks the notify module for a {@code SHIFT_STARTING} message to the
 * person's contacts. The key {@code shift:<schedule>:<person>:<start epoch second>:starting}, stored (table
 * {@code oncall_shift_notice}) in the transaction that asks, makes it once per shift however often the task looks; a
 * shift moved to another start is a new shift and is told again.
 */
@Configuration(proxyBeanMethods = false)
class ShiftNotices {

    static final String TASK = "oncall-shift-notices";

    private final OnCallApi onCall;
    private final OnCallCatalog catalog;
    private final NotificationApi notifications;
    private final OnCallSettings settings;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    ShiftNotices(OnCallApi onCall, OnCallCatalog catalog, NotificationApi notifications, OnCallSettings settings,
            PublicUrl publicUrl, Clock clock, JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.onCall = onCall;
        this.catalog = catalog;
        this.notifications = notifications;
        this.settings = settings;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> oncallShiftNotices() {
        return Tasks.recurring(TASK, FixedDelay.of(settings.shiftNoticeEvery())).execute((instance, context) -> sendDue());
    }

    /** Asks for the notices of the shifts starting within the notice time that were not told yet; their keys. */
    List<String> sendDue() {
        List<String> sent = new ArrayList<>();
        if (settings.shiftNoticeBefore().isZero()) {
            return sent;
        }
        Instant now = clock.instant();
        for (Schedule schedule : catalog.schedules()) {
            for (Shift shift : onCall.shifts(schedule, now, now.plus(settings.shiftNoticeBefore()))) {
                if (!shift.from().isAfter(now)) {
                    continue; // running already (the first stretch is cut at now)
                }
                String key = "shift:" + schedule.id() + ":" + shift.person() + ":" + shift.from().getEpochSecond()
                        + ":starting";
                Person person = catalog.person(shift.person()).orElse(null);
                if (person == null) {
                    continue;
                }
                Instant until = onCall.shiftAt(schedule, shift.from()).map(Shift::until).orElse(shift.until());
                Map<String, String> values = new LinkedHashMap<>();
                values.put("schedule", schedule.name() == null ? schedule.id() : schedule.name());
                values.put("person", person.id());
                values.put("personName", person.name() == null ? person.id() : person.name());
                values.put("from", shift.from().toString());
                values.put("fromLocal", Texts.local(shift.from(), schedule.zone()));
                values.put("untilLocal", Texts.local(until, schedule.zone()));
                values.put("source", shift.source());
                values.put("oncallUrl", publicUrl.base() + "/oncall");
                if (once(new NotificationRequest(null, MessageKind.SHIFT_STARTING, Pager.destinations(person), values,
                        key), person, now)) {
                    sent.add(key);
                }
            }
        }
        sent.addAll(sendSummaries(now));
        return sent;
    }

    /**
     * The "your upcoming shifts" summaries, when one is due: from {@code shift-summary-time} on the day (DAILY) or
     * Monday (WEEKLY) until a day later, each person with shifts in the coming period is sent them, once per period.
     */
    List<String> sendSummaries(Instant now) {
        OnCallSettings.SummaryEvery every = settings.shiftSummary();
        List<String> sent = new ArrayList<>();
        if (every == OnCallSettings.SummaryEvery.OFF) {
            return sent;
        }
        java.time.ZonedDateTime local = now.atZone(settings.shiftSummaryZone());
        java.time.LocalDate day = local.toLocalDate();
        if (every == OnCallSettings.SummaryEvery.WEEKLY) {
            day = day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        }
        Instant due = java.time.ZonedDateTime.of(day, settings.shiftSummaryTime(), settings.shiftSummaryZone()).toInstant();
        if (now.isBefore(due) || !now.isBefore(due.plus(java.time.Duration.ofDays(1)))) {
            return sent;
        }
        Instant until = due.plus(java.time.Duration.ofDays(every.days));
        Map<String, List<String>> shifts = new LinkedHashMap<>();
        for (Schedule schedule : catalog.schedules()) {
            for (Shift shift : onCall.shifts(schedule, due, until)) {
                shifts.computeIfAbsent(shift.person(), p -> new ArrayList<>()).add((schedule.name() == null
                        ? schedule.id() : schedule.name()) + ": " + Texts.local(shift.from(), schedule.zone()) + " → "
                        + Texts.local(shift.until(), schedule.zone()));
            }
        }
        for (Map.Entry<String, List<String>> entry : shifts.entrySet()) {
            Person person = catalog.person(entry.getKey()).orElse(null);
            if (person == null) {
                continue;
            }
            String key = "shift-summary:" + every.name().toLowerCase(java.util.Locale.ROOT) + ":" + day + ":" + person.id();
            Map<String, String> values = new LinkedHashMap<>();
            values.put("person", person.id());
            values.put("personName", person.name() == null ? person.id() : person.name());
            values.put("period", (every == OnCallSettings.SummaryEvery.WEEKLY ? "the week from " : "the day from ")
                    + TimeText.at(due) + " to " + TimeText.at(until));
            values.put("shifts", String.join("\n", entry.getValue()));
            values.put("oncallUrl", publicUrl.base() + "/oncall");
            if (once(new NotificationRequest(null, MessageKind.SHIFT_SUMMARY, Pager.destinations(person), values, key),
                    person, now)) {
                sent.add(key);
            }
        }
        return sent;
    }

    /** Stores the notice's key and asks for it, in one transaction; false when the key was stored before. */
    private boolean once(NotificationRequest request, Person person, Instant now) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            int stored = jdbc.sql("""
                    insert into oncall_shift_notice (notice_key, person_id, requested_at)
                    values (:key, :person, :now) on conflict do nothing""")
                    .param("key", request.key()).param("person", person.id()).param("now", Sql.ts(now)).update();
            if (stored == 1) {
                notifications.request(request);
            }
            return stored == 1;
        }));
    }
}
