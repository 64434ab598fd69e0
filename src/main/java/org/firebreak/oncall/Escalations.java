package org.firebreak.oncall;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.firebreak.shared.Sql;
import org.firebreak.incident.IncidentId;
import org.firebreak.shared.Severity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** Escalations and their pages (tables {@code escalation}, {@code escalation_page}); the policy as a JSON snapshot. */
@Repository
class Escalations {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    Escalations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Escalation e, Instant now) {
        jdbc.sql("""
                insert into escalation (incident_number, policy_id, policy_snapshot, severity, state, attempt, level,
                    started_at, updated_at)
                values (:incident, :policy, :snapshot, :severity, :state, 0, 0, :started, :now)""")
                .param("incident", e.incident().number()).param("policy", e.policy().id())
                .param("snapshot", JSON.writeValueAsString(e.policy())).param("severity", e.severity().name())
                .param("state", e.state().name()).param("started", Sql.ts(e.startedAt())).param("now", Sql.ts(now))
                .update();
    }

    void update(Escalation e, Instant now) {
        jdbc.sql("""
                update escalation set severity = :severity, state = :state, attempt = :attempt, level = :level,
                    level_paged_at = :pagedAt, next_level = :nextLevel, next_attempt = :nextAttempt, next_at = :nextAt,
                    stopped_reason = :reason, updated_at = :now
                where incident_number = :incident""")
                .param("severity", e.severity().name()).param("state", e.state().name()).param("attempt", e.attempt())
                .param("level", e.level()).param("pagedAt", Sql.ts(e.levelPagedAt()))
                .param("nextLevel", e.next() == null ? null : e.next().level())
                .param("nextAttempt", e.next() == null ? null : e.next().attempt()).param("nextAt", Sql.ts(e.nextAt()))
                .param("reason", e.stoppedReason()).param("now", Sql.ts(now)).param("incident", e.incident().number())
                .update();
    }

    /** The escalation, locked until the transaction ends: its changes queue one after another. */
    Optional<Escalation> findForUpdate(IncidentId id) {
        return jdbc.sql("select * from escalation where incident_number = :incident for update")
                .param("incident", id.number()).query((rs, n) -> escalation(rs)).optional();
    }

    Optional<Escalation> find(IncidentId id) {
        return jdbc.sql("select * from escalation where incident_number = :incident")
                .param("incident", id.number()).query((rs, n) -> escalation(rs)).optional();
    }

    boolean pageExists(String key) {
        return jdbc.sql("select count(*) from escalation_page where notification_key = :key").param("key", key)
                .query(Long.class).single() > 0;
    }

    void insertPage(String key, IncidentId id, int level, int attempt, String person, Instant at, String reason,
            String by) {
        jdbc.sql("""
                insert into escalation_page (notification_key, incident_number, level, attempt, person_id, paged_at,
                    reason, paged_by)
                values (:key, :incident, :level, :attempt, :person, :at, :reason, :by)""")
                .param("key", key).param("incident", id.number()).param("level", level).param("attempt", attempt)
                .param("person", person).param("at", Sql.ts(at)).param("reason", org.firebreak.shared.StoredText.abbreviate(reason, 1000))
                .param("by", by).update();
    }

    List<EscalationView.Page> pages(IncidentId id) {
        return jdbc.sql("""
                select * from escalation_page where incident_number = :incident order by paged_at, level, person_id""")
                .param("incident", id.number())
                .query((rs, n) -> new EscalationView.Page(rs.getInt("level"), rs.getInt("attempt"),
                        rs.getString("person_id"), Sql.instant(rs, "paged_at"), rs.getString("reason"),
                        rs.getString("paged_by"), rs.getString("notification_key")))
                .list();
    }

    private static Escalation escalation(ResultSet rs) throws SQLException {
        EscalationPolicy policy = JSON.readValue(rs.getString("policy_snapshot"), EscalationPolicy.class);
        IncidentId incident = new IncidentId(rs.getLong("incident_number"));
        Integer nextLevel = Sql.integerOrNull(rs, "next_level");
        Integer nextAttempt = Sql.integerOrNull(rs, "next_attempt");
        return Escalation.restore(incident, policy, Severity.valueOf(rs.getString("severity")),
                EscalationState.valueOf(rs.getString("state")), Sql.instant(rs, "started_at"), rs.getInt("attempt"),
                rs.getInt("level"), Sql.instantOrNull(rs, "level_paged_at"),
                nextLevel == null || nextAttempt == null ? null
                        : new EscalationStep(incident.number(), nextLevel, nextAttempt),
                Sql.instantOrNull(rs, "next_at"), rs.getString("stopped_reason"));
    }

}
