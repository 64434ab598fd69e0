package org.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firebreak.incident.OpenIncidentBuilder.anIncident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.firebreak.shared.Severity;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The bulk overview the status page reads: open incidents whenever detected, others detected since an instant. */
@FirebreakIntegrationTest
class IncidentOverviewTests {

    @Autowired
    IncidentApi incidents;
    @Autowired
    MutableClock clock;

    @Test
    void openOnesWheneverDetectedAndOthersDetectedSinceNewestFirstWithComponentsInOrder() {
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays(90));
        IncidentId oldOpen = incidents.open(anIncident().titled("Old and still open").withSeverity(Severity.HIGH)
                .affecting("rpc", "gas").detectedAt(now.minus(Duration.ofDays(120))).build(), "alice").id();
        IncidentId oldResolved = incidents.open(anIncident().titled("Old and resolved").withSeverity(Severity.MEDIUM)
                .detectedAt(now.minus(Duration.ofDays(100))).build(), "alice").id();
        incidents.changeStatus(oldResolved, IncidentStatus.RESOLVED, null, "alice");
        IncidentId recent = incidents.open(anIncident().titled("Recent, resolved").withSeverity(Severity.CRITICAL)
                .affecting("paymaster", "bundler", "entrypoint").detectedAt(now.minus(Duration.ofDays(3))).build(),
                "alice").id();
        incidents.changeStatus(recent, IncidentStatus.RESOLVED, "fixed", "alice");

        List<IncidentOverview> found = incidents.openOrDetectedSince(since).stream()
                .filter(i -> Set.of(oldOpen, oldResolved, recent).contains(i.id())).toList();

        assertThat(found).extracting(IncidentOverview::id).containsExactly(recent, oldOpen);
        for (IncidentOverview overview : found) {
            IncidentView view = incidents.get(overview.id());
            assertThat(overview).isEqualTo(new IncidentOverview(view.id(), view.title(), view.severity(),
                    view.status(), view.components(), view.detectedAt(), view.openedAt(), view.acknowledgedAt(),
                    view.mitigatedAt(), view.resolvedAt(), view.closedAt()));
        }
        assertThat(found.getFirst().components()).containsExactly("paymaster", "bundler", "entrypoint");
        assertThat(found.getFirst().resolvedAt()).isNotNull();
    }
}
