package org.firebreak.detection;

import static org.firebreak.shared.Sql.instantOrNull;
import static org.firebreak.shared.Sql.ts;

import java.time.Instant;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The storm guard: one outage must page once, not once per thing that broke. Inside the transaction of whoever is
 * about to open an incident from alerts, it locks its one row (so concurrent openings are counted one after the
 * other) and decides: open as usual; open the storm incident (more than {@code maxIncidents} incidents opened from
 * alerts within {@code window}); or join the storm incident that is open, for as long as the storm goes on (openings
 * would still exceed the limit, or something was taken in within the last window).
 */
@Component
class StormGuard {

    /** What to do with a group of alerts that would open an incident. */
    sealed interface Decision {
        /** Open its own incident. */
        record Open() implements Decision {
        }

        /** Open the storm incident, which takes in this group and those after it. */
        record OpenStorm(long recent) implements Decision {
        }

        /** Join the storm incident that is open. */
        record Join(IncidentId storm) implements Decision {
        }
    }

    private final DetectionSettings.StormGuard settings;
    private final JdbcClient jdbc;
    private final IncidentApi incidents;

    StormGuard(DetectionSettings settings, JdbcClient jdbc, IncidentApi incidents) {
        this.settings = settings.stormGuard();
        this.jdbc = jdbc;
        this.incidents = incidents;
    }

    DetectionSettings.StormGuard settings() {
        return settings;
    }

    Decision decide(Instant now) {
        if (!Boolean.TRUE.equals(settings.enabled())) {
            return new Decision.Open();
        }
        State state = jdbc.sql("select storm_incident, last_absorbed_at from alert_storm_guard where id = 1 for update")
                .query((rs, row) -> {
                    long storm = rs.getLong("storm_incident");
                    return new State(rs.wasNull() ? null : new IncidentId(storm), instantOrNull(rs, "last_absorbed_at"));
                }).single();
        Instant windowStart = now.minus(settings.window());
        long recent = jdbc.sql("select count(*) from alert_opening where opened_at > :since")
                .param("since", ts(windowStart)).query(Long.class).single();
        boolean stormOpen = state.storm() != null && incidents.get(state.storm()).status().isOpen();
        boolean stormGoesOn = state.lastAbsorbedAt() != null && state.lastAbsorbedAt().isAfter(windowStart);
        if (stormOpen && (recent >= settings.maxIncidents() || stormGoesOn)) {
            return new Decision.Join(state.storm());
        }
        return recent >= settings.maxIncidents() ? new Decision.OpenStorm(recent) : new Decision.Open();
    }

    /** Counts an incident opened from alerts; a storm incident also becomes the one that takes in what follows. */
    void opened(IncidentId incident, boolean storm, Instant now) {
        jdbc.sql("insert into alert_opening (incident_number, opened_at, storm) values (:n, :at, :storm)")
                .param("n", incident.number()).param("at", ts(now)).param("storm", storm).update();
        if (storm) {
            jdbc.sql("update alert_storm_guard set storm_incident = :n, last_absorbed_at = :at where id = 1")
                    .param("n", incident.number()).param("at", ts(now)).update();
        }
    }

    void joined(Instant now) {
        jdbc.sql("update alert_storm_guard set last_absorbed_at = :at where id = 1").param("at", ts(now)).update();
    }

    /** In words, for the timeline: "more than 5 incidents from alerts within 60s". */
    String limit() {
        return "more than " + settings.maxIncidents() + " incidents from alerts within "
                + settings.window().toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    private record State(@Nullable IncidentId storm, @Nullable Instant lastAbsorbedAt) {
    }
}
