package org.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.firebreak.incident.OpenIncidentBuilder.anIncident;

import org.firebreak.incident.IncidentEvents.IncidentOpened;
import org.firebreak.incident.IncidentEvents.IncidentSeverityChanged;
import org.firebreak.incident.IncidentEvents.IncidentStatusChanged;
import org.firebreak.shared.IncidentType;
import org.firebreak.shared.Severity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

/** The incident module on its own (with what it depends on): commands in, events out. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(properties = "firebreak.data-dir=./target/test-data/${random.uuid}")
@Tag("integration")
class IncidentModuleTests {

    @Autowired
    IncidentApi incidents;

    @Test
    void openingAnIncidentPublishesIncidentOpened(Scenario scenario) {
        scenario.stimulate(() -> incidents.open(anIncident().titled("module test").withCriteria("security breach")
                .ofType("ACCOUNT_CREATION_FAILURE").build(), "alice"))
                .andWaitForEventOfType(IncidentOpened.class)
                .matching(e -> e.title().equals("module test"))
                .toArriveAndVerify(e -> {
                    assertThat(e.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(e.type()).isEqualTo(IncidentType.ACCOUNT_CREATION_FAILURE);
                });
    }

    @Test
    void statusAndSeverityChangesArePublishedWithTheActor(Scenario scenario) {
        IncidentId id = incidents.open(anIncident().withSeverity(Severity.HIGH).build(), "alice").id();

        scenario.stimulate(() -> incidents.changeStatus(id, IncidentStatus.INVESTIGATING, null, "bob"))
                .andWaitForEventOfType(IncidentStatusChanged.class)
                .matching(e -> e.id().equals(id))
                .toArriveAndVerify(e -> {
                    assertThat(e.from()).isEqualTo(IncidentStatus.TRIGGERED);
                    assertThat(e.to()).isEqualTo(IncidentStatus.INVESTIGATING);
                    assertThat(e.actor()).isEqualTo("bob");
                });
        scenario.stimulate(() -> incidents.changeSeverity(id, Severity.CRITICAL, "funds at risk", "carol"))
                .andWaitForEventOfType(IncidentSeverityChanged.class)
                .matching(e -> e.id().equals(id))
                .toArriveAndVerify(e -> assertThat(e.to()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void aRejectedCommandPublishesNothing(AssertablePublishedEvents events) {
        IncidentId id = incidents.open(anIncident().withSeverity(Severity.LOW).build(), "alice").id();

        assertThatThrownBy(() -> incidents.changeStatus(id, IncidentStatus.CLOSED, null, "bob"))
                .isInstanceOf(IllegalStatusChange.class);

        assertThat(events.ofType(IncidentStatusChanged.class).matching(e -> e.id().equals(id))).isEmpty();
        assertThat(events.ofType(IncidentOpened.class).matching(e -> e.id().equals(id))).hasSize(1);
    }
}
