package org.firebreak.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.firebreak.incident.OpenIncidentBuilder.anIncident;

import java.time.Duration;
import java.util.List;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.incident.TimelineEntry;
import org.firebreak.incident.TimelineKind;
import org.firebreak.notify.DeliveryView;
import org.firebreak.notify.MessageKind;
import org.firebreak.notify.NotificationApi;
import org.firebreak.notify.NotificationRequest;
import org.firebreak.shared.Severity;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.OwnSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code firebreak.oncall.tell-next-on-call=true} on the shipped default, the clock at Wed 2026-11-25 03:00Z: alice is
 * on call in "primary" until the Monday hand-off, Mon 2026-11-30 09:00 Berlin, when bob takes over.
 */
@FirebreakIntegrationTest
@Import(RequestedNotifications.Configuration.class)
class NextOnCallTests {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        OwnSchema.register(registry);
        registry.add("firebreak.oncall.paging", () -> "true");
        registry.add("firebreak.oncall.tell-next-on-call", () -> "true");
    }

    @Autowired
    IncidentApi incidents;
    @Autowired
    EscalationApi escalations;
    @Autowired
    RequestedNotifications notifications;
    @Autowired
    NotificationApi notify;

    @Test
    void whenACriticalIsAcknowledgedTheNextPersonOnCallIsToldWhoAcknowledgedAndWhenTheyTakeOver() {
        IncidentId id = incidents.open(anIncident().withSeverity(Severity.CRITICAL).build(), "reporter").id();
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications.of(id, MessageKind.PAGE).size() == 1);

        incidents.changeStatus(id, IncidentStatus.ACKNOWLEDGED, "on it", "alice");
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications.of(id, MessageKind.NEXT_ON_CALL).size() == 1);

        NotificationRequest told = notifications.of(id, MessageKind.NEXT_ON_CALL).getFirst();
        assertThat(told.to()).extracting(d -> d.person()).containsOnly("bob");
        assertThat(told.values()).containsEntry("acknowledgedBy", "alice").containsEntry("schedule", "Primary on-call")
                .containsEntry("current", "Alice (on-call engineer)")
                .containsEntry("from", "Mon 2026-11-30 09:00 Europe/Berlin (" + Texts.time(java.time.Instant.parse("2026-11-30T08:00:00Z")) + ")");
        assertThat(escalationTimeline(id)).last().asString().startsWith("Told bob (CONSOLE bob), next on call in "
                + "Primary on-call from Mon 2026-11-30 09:00 Europe/Berlin").endsWith("that alice acknowledged this Critical");

        await().atMost(Duration.ofSeconds(20)).until(() -> notify.deliveries(id).stream()
                .anyMatch(d -> d.kind() == MessageKind.NEXT_ON_CALL));
        DeliveryView delivery = notify.deliveries(id).stream().filter(d -> d.kind() == MessageKind.NEXT_ON_CALL)
                .findFirst().orElseThrow();
        assertThat(delivery.person()).isEqualTo("bob");
        assertThat(delivery.subject()).isEqualTo("[CRITICAL] " + id + " acknowledged by alice: you are next on call");
    }

    @Test
    void aHighIncidentAcknowledgedTellsNobodyNext() {
        IncidentId id = incidents.open(anIncident().withSeverity(Severity.HIGH).build(), "reporter").id();
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications.of(id, MessageKind.PAGE).size() == 1);

        incidents.changeStatus(id, IncidentStatus.ACKNOWLEDGED, "on it", "alice");
        await().atMost(Duration.ofSeconds(20)).until(() -> escalations.escalation(id).state() == EscalationState.STOPPED);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> notifications.of(id, MessageKind.PAGING_STOPPED).size() == 1);
        assertThat(notifications.of(id, MessageKind.NEXT_ON_CALL)).isEmpty();
        assertThat(escalationTimeline(id)).noneMatch(t -> t.startsWith("Told"));
    }

    private List<String> escalationTimeline(IncidentId id) {
        return incidents.timeline(id).stream().filter(e -> e.kind() == TimelineKind.ESCALATION)
                .map(TimelineEntry::text).toList();
    }
}
