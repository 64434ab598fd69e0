package org.firebreak.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.firebreak.shared.web.Actor;
import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.TimelineKind;
import org.firebreak.notify.MessageKind;
import org.firebreak.notify.NotificationApi;
import org.firebreak.notify.NotificationRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds owners of what is overdue: open action items past their due day, and playbooks past their review-by date.
 * A db-scheduler task looks every {@code firebreak.review.remind-every} (one replica at a time); an owner hears of one
 * item at most once per {@code remind-again-after}, since each reminder is recorded (table {@code review_reminder})
 * in the transaction that requests it.
 *
 * <p>Where a reminder goes: an action item's through {@link NotificationApi} as a TEAM_NOTICE to the owner's name on
 * the CONSOLE channel, noted on its incident's timeline. People's own contact methods arrive with on-call; this is
 * where to route to them. A playbook reminder has no incident, which a notification request needs: it is written to
 * the console log (the same channel) and recorded.
 */
@Configuration(proxyBeanMethods = false)
class Reminders {

    static final String TASK = "review-reminders";
    static final String ACTION_ITEM = "ACTION_ITEM";
    static final String ACTOR = Actor.SYSTEM;

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final ActionItemApi actionItems;
    private final ActionItems store;
    private final RunbookHygiene runbooks;
    private final IncidentApi incidents;
    private final NotificationApi notifications;
    private final ReviewSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    Reminders(ActionItemApi actionItems, ActionItems store, RunbookHygiene runbooks, IncidentApi incidents,
            NotificationApi notifications, ReviewSettings settings, TransactionTemplate tx, Clock clock) {
        this.actionItems = actionItems;
        this.store = store;
        this.runbooks = runbooks;
        this.incidents = incidents;
        this.notifications = notifications;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> reviewReminders() {
        return Tasks.recurring(TASK, FixedDelay.of(settings.remindEvery()))
                .execute((instance, context) -> sendDue());
    }

    /** Sends the reminders that are due now; returns what each said. */
    List<String> sendDue() {
        List<String> sent = new ArrayList<>();
        Instant now = clock.instant();
        for (ActionItemView item : actionItems.list(null, null, null, true, ActionItemApi.MAX_LIST)) {
            if (due(ACTION_ITEM, Long.toString(item.id()), now)) {
                sent.add(remind(item, now));
            }
        }
        for (OverduePlaybook playbook : runbooks.overdue()) {
            if (due(RunbookHygiene.REMINDER_KIND, RunbookHygiene.subject(playbook.id(), playbook.version()), now)) {
                sent.add(remind(playbook, now));
            }
        }
        return sent;
    }

    private boolean due(String kind, String subject, Instant now) {
        Optional<Instant> last = store.lastReminded(kind, subject);
        return last.isEmpty() || !last.get().plus(settings.remindAgainAfter()).isAfter(now);
    }

    private String remind(ActionItemView item, Instant now) {
        String text = "Reminder to " + item.owner() + ": action item #" + item.id() + " '" + item.title() + "' ("
                + item.priority() + ") was due " + item.dueOn() + ", " + days(item.daysOverdue()) + " overdue";
        tx.executeWithoutResult(status -> {
            store.recordReminder(ACTION_ITEM, Long.toString(item.id()), item.owner(), text, now);
            notifications.request(new NotificationRequest(item.incident(), MessageKind.TEAM_NOTICE,
                    notifications.reach(item.owner()),
                    Map.of("reason", text, "actionItem", Long.toString(item.id()), "owner", item.owner()),
                    item.incident() + ":action-item:" + item.id() + ":overdue:" + now.toEpochMilli()));
            incidents.record(item.incident(), TimelineKind.NOTIFICATION, text, ACTOR);
        });
        return text;
    }

    private String remind(OverduePlaybook playbook, Instant now) {
        String text = "Reminder to " + playbook.owner() + ": playbook " + playbook.id() + " v" + playbook.version() + " '"
                + playbook.title() + "' was due for review by " + playbook.reviewBy() + ", "
                + days(playbook.daysOverdue()) + " overdue";
        tx.executeWithoutResult(status -> store.recordReminder(RunbookHygiene.REMINDER_KIND,
                RunbookHygiene.subject(playbook.id(), playbook.version()), playbook.owner(), text, now));
        log.warn("{}", text);
        return text;
    }

    private static String days(long days) {
        return days == 1 ? "1 day" : days + " days";
    }
}
