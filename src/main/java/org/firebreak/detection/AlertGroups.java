package org.firebreak.detection;

import static org.firebreak.shared.Sql.instantOrNull;
import static org.firebreak.shared.Sql.ts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.firebreak.incident.IncidentId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** The alert_group table: which incident each group of alerts shares. Only this module reads or writes it. */
@Repository
class AlertGroups {

    /** A group's row as routing needs it, locked by whoever holds it; firstSignal opens its incident on a split. */
    record Group(long id, String integration, String key, String name, @Nullable IncidentId incident, boolean absorbed) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AlertGroups(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The group's row, locked until the transaction ends; created when new. Two transactions creating one group at
     * once: the second fails on the unique key and is retried, and then finds the row the first created.
     */
    Group claim(String integration, String key, String name, Signal first) {
        return lock(integration, key).orElseGet(() -> {
            GeneratedKeyHolder id = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into alert_group (integration, group_key, name, first_signal)
                    values (:i, :k, :name, :signal)""")
                    .param("i", integration).param("k", key).param("name", name)
                    .param("signal", json.writeValueAsString(first)).update(id, "id");
            return new Group(java.util.Objects.requireNonNull(id.getKey()).longValue(), integration, key, name, null,
                    false);
        });
    }

    /**
     * A group about to open a new incident is called by what opens it now: a rule whose title names the event (the
     * new owner) must not carry the name of an earlier, resolved incident of the same group.
     */
    Group renew(Group group, String name, Signal first) {
        if (group.name().equals(name)) {
            return group;
        }
        jdbc.sql("update alert_group set name = :name, first_signal = :signal where id = :id").param("name", name)
                .param("signal", json.writeValueAsString(first)).param("id", group.id()).update();
        return new Group(group.id(), group.integration(), group.key(), name, group.incident(), group.absorbed());
    }

    Optional<Group> lock(String integration, String key) {
        return jdbc.sql("select * from alert_group where integration = :i and group_key = :k for update")
                .param("i", integration).param("k", key).query((rs, row) -> group(rs)).optional();
    }

    Optional<Group> lock(long id) {
        return jdbc.sql("select * from alert_group where id = :id for update").param("id", id)
                .query((rs, row) -> group(rs)).optional();
    }

    void assign(long id, IncidentId incident, boolean absorbed, Instant at) {
        jdbc.sql("update alert_group set incident_number = :n, absorbed = :absorbed, opened_at = :at where id = :id")
                .param("n", incident.number()).param("absorbed", absorbed).param("at", ts(at)).param("id", id).update();
    }

    Signal firstSignal(long id) {
        return json.readValue(jdbc.sql("select first_signal from alert_group where id = :id").param("id", id)
                .query(String.class).single(), Signal.class);
    }

    /** Every group with alerts on the incident, with its alerts' counts there, the most recently seen first. */
    List<AlertGroupView> ofIncident(IncidentId incident) {
        return jdbc.sql("""
                select g.id, g.integration, g.group_key, g.name, g.absorbed, g.incident_number, count(a.id) as alerts,
                    count(case when a.status <> 'RESOLVED' then 1 end) as firing,
                    min(a.first_seen_at) as first_seen, max(a.last_seen_at) as last_seen
                from alert_group g join alert a on a.group_id = g.id and a.incident_number = :n
                group by g.id, g.integration, g.group_key, g.name, g.absorbed, g.incident_number
                order by last_seen desc, g.id desc""")
                .param("n", incident.number())
                .query((rs, row) -> new AlertGroupView(rs.getLong("id"), rs.getString("integration"),
                        rs.getString("group_key"), rs.getString("name"), new IncidentId(incident.number()),
                        rs.getBoolean("absorbed"), rs.getLong("alerts"), rs.getLong("firing"),
                        instantOrNull(rs, "first_seen"), instantOrNull(rs, "last_seen")))
                .list();
    }

    /** How many groups a storm incident took in. */
    long absorbedInto(IncidentId incident) {
        return jdbc.sql("select count(*) from alert_group where incident_number = :n and absorbed = true")
                .param("n", incident.number()).query(Long.class).single();
    }

    private static Group group(java.sql.ResultSet rs) throws java.sql.SQLException {
        long incident = rs.getLong("incident_number");
        return new Group(rs.getLong("id"), rs.getString("integration"), rs.getString("group_key"), rs.getString("name"),
                rs.wasNull() ? null : new IncidentId(incident), rs.getBoolean("absorbed"));
    }
}
