package org.firebreak.comms;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentView;
import org.firebreak.incident.TimelineKind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Status updates: posted by responders, stored, put on the timeline, sent to the incident's stakeholders, and, when
 * public, shown on the status page. Posting one also pushes the commander's next reminder back by the full interval.
 * The status page reads {@link #publicUpdates(IncidentId)} and {@link #publicUpdatesSince(Instant)}.
 */
@Service
public class StatusUpdates {

    private final StatusUpdateStore store;
    private final IncidentApi incidents;
    private final Stakeholders stakeholders;
    private final StakeholderNotices notices;
    private final StatusUpdateReminders reminders;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StatusUpdates(StatusUpdateStore store, IncidentApi incidents, Stakeholders stakeholders, StakeholderNotices notices,
            StatusUpdateReminders reminders, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.incidents = incidents;
        this.stakeholders = stakeholders;
        this.notices = notices;
        this.reminders = reminders;
        this.events = events;
        this.clock = clock;
    }

    /** Posts an update in one transaction: the row, its timeline entry, its message to stakeholders, the reminder. */
    @Transactional
    public StatusUpdateView post(IncidentId id, PostStatusUpdate update, String author) {
        IncidentView incident = incidents.get(id);
        Instant now = clock.instant();
        StatusUpdateView posted = store.insert(id, update, author, now);
        incidents.record(id, TimelineKind.STATUS_UPDATE, "Status update (" + posted.visibility() + ", "
                + posted.status() + "): " + posted.text(), author);
        notices.send(incident, org.firebreak.notify.MessageKind.STATUS_UPDATE, stakeholders.groupsFor(incident.components()),
                Map.of("text", posted.text(), "status", posted.status().toString(),
                        "visibility", posted.visibility().toString(), "author", author, "postedAt", now.toString()),
                id + ":status-update:" + posted.id());
        reminders.pushBack(id, now);
        events.publishEvent(new StatusUpdatePosted(posted));
        return posted;
    }

    /** Every update of the incident, internal and public, oldest first. */
    public List<StatusUpdateView> list(IncidentId id) {
        incidents.get(id);
        return store.of(id, false);
    }

    /** The incident's public updates, oldest first: what the status page shows. */
    public List<StatusUpdateView> publicUpdates(IncidentId id) {
        return store.of(id, true);
    }

    /** Every public update posted at or after {@code since}, oldest first (the status page's history and feed). */
    public List<StatusUpdateView> publicUpdatesSince(Instant since) {
        return store.publicSince(since);
    }
}
