package org.firebreak.oncall;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.firebreak.incident.IncidentId;
import org.firebreak.notify.MessageKind;
import org.firebreak.notify.NotificationRequest;
import org.firebreak.notify.NotificationRequested;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.event.TransactionalEventListener;

/** The notification requests that committed, as the notify module's delivery will see them. */
class RequestedNotifications {

    private final List<NotificationRequest> requests = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(NotificationRequested requested) {
        requests.add(requested.request());
    }

    List<NotificationRequest> of(@org.jspecify.annotations.Nullable IncidentId incident, MessageKind kind) {
        return requests.stream().filter(r -> java.util.Objects.equals(r.incident(), incident) && r.kind() == kind).toList();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {

        @Bean
        RequestedNotifications requestedNotifications() {
            return new RequestedNotifications();
        }
    }
}
