package org.firebreak.notify;

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

    NotificationApi(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Transactional
    public void request(NotificationRequest request) {
        events.publishEvent(new NotificationRequested(request));
    }
}
