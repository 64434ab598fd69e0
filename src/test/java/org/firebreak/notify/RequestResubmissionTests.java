package org.firebreak.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.firebreak.incident.OpenIncidentBuilder.anIncident;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.shared.Severity;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A request whose delivery listener failed before it stored anything stays an incomplete publication in the event
 * publication registry; resubmitting it (what a restart does with republish-outstanding-events-on-restart) delivers
 * it, once.
 */
@FirebreakIntegrationTest
class RequestResubmissionTests {

    static final WebhookReceiver receiver = new WebhookReceiver();

    @MockitoSpyBean
    MessageTemplates templates;
    @Autowired
    NotificationApi notifications;
    @Autowired
    IncidentApi incidents;
    @Autowired
    IncompleteEventPublications incomplete;

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @Test
    void aRequestWhoseListenerFailedIsDeliveredWhenTheRegistryResubmitsIt() throws Exception {
        IncidentId incident = incidents.open(anIncident().withSeverity(Severity.LOW).build(), "alice").id();
        doThrow(new IllegalStateException("store unavailable")).doCallRealMethod().when(templates).render(any(), any(), any());

        notifications.request(new NotificationRequest(incident, MessageKind.EMAIL_NOTICE,
                List.of(new Destination(ChannelKind.WEBHOOK, receiver.url("/later"), null)),
                Map.of("subject", "Delegation expires in 3 days", "text", "renew it"), incident + ":expiry"));
        Thread.sleep(1500);
        assertThat(receiver.received("/later")).isEmpty();
        assertThat(notifications.deliveries(incident)).isEmpty();

        incomplete.resubmitIncompletePublications(publication -> publication.getEvent() instanceof NotificationRequested);

        assertThat(receiver.await("/later", 1, Duration.ofSeconds(10))).hasSize(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> notifications.deliveries(incident).getFirst().status()
                == DeliveryStatus.DELIVERED);
        assertThat(receiver.received("/later").getFirst().text()).contains("Delegation expires in 3 days");
        incomplete.resubmitIncompletePublications(publication -> publication.getEvent() instanceof NotificationRequested);
        Thread.sleep(1000);
        assertThat(receiver.received("/later")).as("the completed publication is not resubmitted").hasSize(1);
    }
}
