package org.firebreak.notify;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Takes each requested notification through the event publication registry: stored (once per key) in this
 * listener's transaction, then, once that commits, each destination is attempted on a thread of its own, so an SMTP
 * server that is down delays no webhook. Should this process die first, the stored deliveries' scheduled executions
 * make the attempts; should it die before this listener completes, the registry hands the request over again.
 */
@Component
class DeliveryListener {

    private static final Logger log = LoggerFactory.getLogger(DeliveryListener.class);

    private final Deliveries deliveries;

    DeliveryListener(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @ApplicationModuleListener
    void on(NotificationRequested requested) {
        attemptAfterCommit(deliveries.store(requested.request()));
    }

    @ApplicationModuleListener
    void on(AnnouncementRequested requested) {
        attemptAfterCommit(deliveries.store(requested.announcement()));
    }

    private void attemptAfterCommit(List<Long> stored) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                stored.forEach(id -> Thread.ofVirtual().name("notify-delivery-" + id).start(() -> {
                    try {
                        deliveries.attemptNow(id);
                    } catch (RuntimeException e) {
                        // The scheduled execution makes the attempt instead.
                        log.warn("Delivery {} was not attempted now: {}", id, Sent.describe(e));
                    }
                }));
            }
        });
    }
}
