package org.firebreak.comms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentNotFound;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.incident.IncidentView;
import org.firebreak.notify.Destination;
import org.firebreak.notify.MessageKind;
import org.firebreak.notify.NotificationApi;
import org.firebreak.notify.NotificationRequest;
import org.firebreak.shared.TimeText;
import org.firebreak.shared.Severity;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The commander's status update reminder for a Critical incident: one persistent db-scheduler execution per incident
 * ({@value #NAME}, instance id {@code INC-7}), due {@code status-update-every} after the incident became Critical or
 * after the last status update, whichever is later. It reminds, then reschedules itself; it goes away when the
 * incident is resolved or is no longer Critical.
 *
 * <p>Whether a reminder is due is judged on the application's clock (the last update's time); when the execution
 * runs is set on the system clock that db-scheduler polls with, as "that long from now". In production the two are
 * one clock; a test's frozen clock then never makes an execution due at once, over and over.
 */
@Configuration(proxyBeanMethods = false)
class StatusUpdateReminders {

    static final String NAME = "comms-status-update-reminder";
    static final TaskDescriptor<Void> TASK = TaskDescriptor.of(NAME);

    private final ObjectProvider<SchedulerClient> scheduler;
    private final IncidentApi incidents;
    private final NotificationApi notifications;
    private final StatusUpdateStore updates;
    private final Duration every;
    private final Clock clock;
    private final Clock schedulerClock = Clock.systemUTC();

    StatusUpdateReminders(ObjectProvider<SchedulerClient> scheduler, IncidentApi incidents,
            NotificationApi notifications, StatusUpdateStore updates, CommsSettings settings, Clock clock) {
        this.scheduler = scheduler;
        this.incidents = incidents;
        this.notifications = notifications;
        this.updates = updates;
        this.every = settings.statusUpdateEvery();
        this.clock = clock;
    }

    @Bean
    static CustomTask<Void> statusUpdateReminder(@Lazy StatusUpdateReminders reminders) {
        return Tasks.custom(TASK).execute((instance, context) -> {
            @Nullable Instant next = reminders.fire(IncidentId.parse(instance.getId()), context.getExecution().executionTime);
            return (complete, operations) -> {
                if (next == null) {
                    operations.remove();
                } else {
                    operations.reschedule(complete, next);
                }
            };
        });
    }

    /** Starts reminding, {@code every} from now; an incident already being reminded keeps its due time. */
    void start(IncidentId id) {
        scheduler.getObject().schedule(TASK.instance(id.toString()).scheduledTo(schedulerClock.instant().plus(every)),
                ScheduleOptions.WHEN_EXISTS_DO_NOTHING);
    }

    void stop(IncidentId id) {
        try {
            scheduler.getObject().cancel(TASK.instanceId(id.toString()));
        } catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException e) {
            // Not reminding, or the running reminder finds the incident resolved and removes itself.
        }
    }

    /** A status update was posted at {@code at}: the next reminder is due a full interval later. */
    void pushBack(IncidentId id, Instant at) {
        if (due(id).isPresent()) {
            try {
                scheduler.getObject().reschedule(TASK.instanceId(id.toString()), inSchedulerTime(at.plus(every)));
            } catch (TaskInstanceCurrentlyExecutingException e) {
                // The running reminder sees this update and reschedules itself from it.
            }
        }
    }

    /** When the incident's next reminder is due (on the system clock), if it is being reminded. */
    Optional<Instant> due(IncidentId id) {
        return scheduler.getObject().getScheduledExecution(TASK.instanceId(id.toString()))
                .map(ScheduledExecution::getExecutionTime);
    }

    /**
     * Reminds the commander (or the team channel when there is none) unless an update came within the interval;
     * returns when to look again (system clock), or null to stop.
     */
    @Nullable Instant fire(IncidentId id, Instant scheduledFor) {
        IncidentView incident;
        try {
            incident = incidents.get(id);
        } catch (IncidentNotFound e) {
            return null;
        }
        if (!stillDue(incident)) {
            return null;
        }
        Instant now = clock.instant();
        Optional<Instant> last = updates.latest(id);
        if (last.isPresent() && last.get().plus(every).isAfter(now)) {
            return inSchedulerTime(last.get().plus(every));
        }
        String commander = incident.commander();
        List<Destination> to = commander == null ? List.of(notifications.teamChannel()) : notifications.reach(commander);
        notifications.request(new NotificationRequest(id, MessageKind.STATUS_UPDATE_REMINDER, to, Map.of(
                "every", TimeText.duration(every), "commander", commander == null ? "" : commander,
                "lastUpdate", last.map(Instant::toString).orElse("none yet")),
                id + ":status-update-reminder:" + scheduledFor.toEpochMilli()));
        return schedulerClock.instant().plus(every);
    }

    /** An instant on the application's clock as the same distance from now on the system clock. */
    private Instant inSchedulerTime(Instant due) {
        return schedulerClock.instant().plus(Duration.between(clock.instant(), due));
    }

    static boolean stillDue(IncidentView incident) {
        return incident.severity() == Severity.CRITICAL && incident.status() != IncidentStatus.RESOLVED
                && incident.status() != IncidentStatus.CLOSED;
    }
}
