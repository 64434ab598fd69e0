package org.firebreak.incident;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.firebreak.incident.IncidentEvents.IncidentStatusChanged;
import org.firebreak.shared.Severity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Incident metrics on /actuator/prometheus: open incidents by severity (read from the store at each scrape, so every
 * node of a cluster agrees and a restart loses nothing) and time to acknowledge and to resolve, recorded once per
 * incident when the change commits.
 */
@Component
class IncidentMetrics {

    private final MeterRegistry registry;
    private final Incidents incidents;

    IncidentMetrics(MeterRegistry registry, Incidents incidents) {
        this.registry = registry;
        this.incidents = incidents;
        for (Severity severity : Severity.values()) {
            IncidentFilter open = new IncidentFilter(null, severity, null, true, null);
            Gauge.builder("firebreak.incidents.open", () -> incidents.count(open))
                    .description("Incidents not yet resolved").tag("severity", severity.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry);
        }
    }

    @TransactionalEventListener
    void on(IncidentStatusChanged changed) {
        if (changed.to() != IncidentStatus.ACKNOWLEDGED && changed.to() != IncidentStatus.RESOLVED) {
            return;
        }
        incidents.find(changed.id()).ifPresent(incident -> {
            String severity = incident.severity.name().toLowerCase(java.util.Locale.ROOT);
            java.time.Duration tta = incident.timeToAcknowledge();
            java.time.Duration ttr = incident.timeToResolve();
            if (changed.to() == IncidentStatus.ACKNOWLEDGED && tta != null) {
                timer("firebreak.incidents.time.to.acknowledge", severity).record(tta);
            }
            if (changed.to() == IncidentStatus.RESOLVED && ttr != null) {
                timer("firebreak.incidents.time.to.resolve", severity).record(ttr);
            }
        });
    }

    private Timer timer(String name, String severity) {
        return Timer.builder(name).tag("severity", severity).register(registry);
    }
}
