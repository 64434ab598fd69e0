package org.firebreak.notify;

import java.util.List;
import java.util.Optional;

import org.firebreak.incident.IncidentId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks for a message to be sent. Call it inside the transaction that decided to send (a page falling due, a status
 * update posted): the request is published as {@link NotificationRequested} in that transaction, and delivery
 * happens after it commits, through the event publication registry, so a crash in between loses nothing.
 */
@Service
public class NotificationApi {

    private final ApplicationEventPublisher events;
    private final Notifications notifications;
    private final NotifySettings settings;
    private final ObjectProvider<PersonContacts> contacts;

    NotificationApi(ApplicationEventPublisher events, Notifications notifications, NotifySettings settings,
            ObjectProvider<PersonContacts> contacts) {
        this.events = events;
        this.notifications = notifications;
        this.settings = settings;
        this.contacts = contacts;
    }

    @Transactional
    public void request(NotificationRequest request) {
        events.publishEvent(new NotificationRequested(request));
    }

    /** Like {@link #request}, for a message about no incident (see {@link Announcement}). */
    @Transactional
    public void announce(Announcement announcement) {
        events.publishEvent(new AnnouncementRequested(announcement));
    }

    /** A person's own contact methods ({@link PersonContacts}, the on-call module's); empty for someone unknown. */
    public List<Destination> contactsOf(String person) {
        return contacts.orderedStream().flatMap(c -> c.contactsOf(person).stream()).toList();
    }

    /** Every delivery of the incident's notifications, oldest first. */
    public List<DeliveryView> deliveries(IncidentId incident) {
        return notifications.deliveries(incident);
    }

    /** Every delivery of the notification requested with {@code key} (one about no incident, say), in order. */
    public List<DeliveryView> deliveries(String key) {
        return notifications.deliveries(key);
    }

    /** A named channel of {@code firebreak.notify.channels}, addressed to nobody in particular. */
    public Optional<Destination> channel(String name) {
        return settings.channel(name).map(c -> c.destination(null));
    }

    /** The team channel ({@code firebreak.notify.team-channel}). */
    public Destination teamChannel() {
        return settings.channel(settings.teamChannel()).map(c -> c.destination(null))
                .orElseThrow(() -> new IllegalStateException("firebreak.notify.team-channel names '"
                        + settings.teamChannel() + "', which is not in firebreak.notify.channels"));
    }

    /**
     * Where a person is reached: their contact methods from {@link PersonContacts} (the on-call module's), else the
     * team channel addressed to them.
     */
    public List<Destination> reach(String person) {
        List<Destination> found = contactsOf(person);
        if (!found.isEmpty()) {
            return found;
        }
        Destination team = teamChannel();
        return List.of(new Destination(team.channel(), team.address(), person));
    }
}
