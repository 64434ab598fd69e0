package org.firebreak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentView;
import org.firebreak.incident.OpenIncident;
import org.firebreak.incident.StepView;
import org.firebreak.notify.MessageKind;
import org.firebreak.notify.NotificationApi;
import org.firebreak.shared.Severity;
import org.firebreak.support.FirebreakIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Critical procedure's "Notify team" and "Notify stakeholders immediately" steps are run by the modules that do
 * that work: the step reports what was already done, or does it now (paging is off in this context, so nobody has
 * been paged until the commander runs the step).
 */
@FirebreakIntegrationTest
class ChecklistAutomationTests {

    @Autowired
    IncidentApi incidents;
    @Autowired
    NotificationApi notifications;

    @Test
    void notifyTeamPagesTheOnCallEngineerWhenNobodyWasPagedAndNotifyStakeholdersReportsTheNoticeAlreadySent() {
        IncidentView incident = incidents.open(new OpenIncident("Redemptions revert", null, Severity.CRITICAL, null,
                "DELEGATION_FAILURE", java.util.List.of("delegations"), "carol", null, null), "carol");

        StepView notifyTeam = incidents.runStep(incident.id(), 3, "carol", true).checklist().get(2);
        assertThat(notifyTeam.title()).isEqualTo("Notify team");
        assertThat(notifyTeam.outcome().result()).isEqualTo("OK");
        assertThat(notifyTeam.outcome().summary()).startsWith("Paged now: L1 alice at ");

        StepView again = incidents.runStep(incident.id(), 3, "carol", true).checklist().get(2);
        assertThat(again.outcome().summary()).as("a second run pages nobody twice").startsWith("Already paged: L1 alice at ");

        await().atMost(Duration.ofSeconds(10)).until(() -> notifications.deliveries(incident.id()).stream()
                .anyMatch(d -> d.kind() == MessageKind.STAKEHOLDER_NOTICE));
        StepView notifyStakeholders = incidents.runStep(incident.id(), 6, "carol", true).checklist().get(5);
        assertThat(notifyStakeholders.title()).isEqualTo("Notify stakeholders immediately");
        assertThat(notifyStakeholders.outcome().result()).isEqualTo("OK");
        assertThat(notifyStakeholders.outcome().summary()).startsWith("Already told: CONSOLE stakeholders ");
        assertThat(notifications.deliveries(incident.id()).stream()
                .filter(d -> d.kind() == MessageKind.STAKEHOLDER_NOTICE)).hasSize(1);
    }
}
