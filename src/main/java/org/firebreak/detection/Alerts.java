package org.firebreak.detection;

import static org.firebreak.shared.Sql.ts;
import static org.firebreak.shared.Sql.instant;
import static org.firebreak.shared.Sql.instantOrNull;
import static org.firebreak.shared.Sql.longOrNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.firebreak.incident.IncidentId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The alert table, in plain SQL. Only this module reads or writes it. */
@Repository
class Alerts {

    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
    };

    /** Keys per IN list: well under what either store's driver takes as parameters of one statement. */
    private static final int IN_LIST = 500;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Alerts(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Locks the rows of the given keys until the transaction ends, always in key order (so two requests with common
     * keys cannot deadlock), so one key's signals are applied one after the other. Keys not stored are left out.
     */
    Map<String, AlertView> lockAll(String integration, Collection<String> keys) {
        Map<String, AlertView> found = new LinkedHashMap<>();
        List<String> sorted = keys.stream().distinct().sorted().toList();
        for (int from = 0; from < sorted.size(); from += IN_LIST) {
            jdbc.sql("select * from alert where integration = :i and dedup_key in (:k) order by dedup_key for update")
                    .param("i", integration).param("k", sorted.subList(from, Math.min(sorted.size(), from + IN_LIST)))
                    .query(this::view).list().forEach(a -> found.put(a.dedupKey(), a));
        }
        return found;
    }

    /** Fails with a duplicate key when another transaction claimed the key first; the caller retries. */
    void insert(AlertView a) {
        jdbc.sql("""
                insert into alert (integration, dedup_key, status, title, incident_number, seen_count, first_seen_at,
                    last_seen_at, resolved_at, labels, group_key, resolves_incident, silence_id, group_id)
                values (:i, :k, :status, :title, :incident, :count, :first, :last, :resolved, :labels, :group,
                    :resolves, :silence, :groupId)""")
                .param("i", a.integration()).param("k", a.dedupKey()).param("status", a.status().name())
                .param("title", a.title()).param("incident", a.incident() == null ? null : a.incident().number())
                .param("count", a.count()).param("first", ts(a.firstSeenAt())).param("last", ts(a.lastSeenAt()))
                .param("resolved", ts(a.resolvedAt())).param("labels", labelsJson(json, a.labels()))
                .param("group", a.group()).param("resolves", a.resolvesIncident()).param("silence", a.silence())
                .param("groupId", a.groupId()).update();
    }

    void update(AlertView a) {
        jdbc.sql("""
                update alert set status = :status, incident_number = :incident, seen_count = :count,
                    last_seen_at = :last, resolved_at = :resolved, labels = :labels, silence_id = :silence,
                    group_id = :groupId
                where integration = :i and dedup_key = :k""")
                .param("i", a.integration()).param("k", a.dedupKey()).param("status", a.status().name())
                .param("incident", a.incident() == null ? null : a.incident().number())
                .param("count", a.count()).param("last", ts(a.lastSeenAt())).param("resolved", ts(a.resolvedAt()))
                .param("labels", labelsJson(json, a.labels())).param("silence", a.silence())
                .param("groupId", a.groupId()).update();
    }

    /**
     * Labels as stored: sorted by name, so the same labels are always the same text and a repeat whose labels did not
     * change is told by comparing text ({@link AlertIntake}).
     */
    static String labelsJson(JsonMapper json, Map<String, String> labels) {
        return json.writeValueAsString(new java.util.TreeMap<>(labels));
    }

    /** Where the alerts of one incident stand: how many are active (firing or held back), how many there are. */
    record Tally(long active, long total) {
    }

    Tally tally(IncidentId incident) {
        return jdbc.sql("""
                select count(case when status <> 'RESOLVED' then 1 end) as active, count(*) as total
                from alert where incident_number = :n""").param("n", incident.number())
                .query((rs, row) -> new Tally(rs.getLong("active"), rs.getLong("total"))).single();
    }

    /** Keeps the signal of an alert a silence holds back, to open its incident when the silence ends. */
    void holdSignal(AlertView a, Signal signal) {
        jdbc.sql("update alert set held_signal = :s where integration = :i and dedup_key = :k")
                .param("s", json.writeValueAsString(signal)).param("i", a.integration()).param("k", a.dedupKey())
                .update();
    }

    Signal heldSignal(AlertView a) {
        String held = jdbc.sql("select held_signal from alert where integration = :i and dedup_key = :k")
                .param("i", a.integration()).param("k", a.dedupKey()).query(String.class).single();
        return json.readValue(held, Signal.class);
    }

    /** The alerts of one incident most recently seen, at most {@code limit}. */
    List<AlertView> recentOfIncident(IncidentId incident, int limit) {
        return jdbc.sql("select * from alert where incident_number = :n order by last_seen_at desc, id desc limit :l")
                .param("n", incident.number()).param("l", limit).query(this::view).list();
    }

    /** Every alert linked to one incident. */
    List<AlertView> ofIncident(IncidentId incident) {
        return jdbc.sql("select * from alert where incident_number = :n order by id")
                .param("n", incident.number()).query(this::view).list();
    }

    /** Alerts held back by a silence that has ended since (ended early or past its end). */
    List<AlertView> suppressedByEndedSilences(Instant now) {
        return jdbc.sql("""
                select a.* from alert a join silence s on s.id = a.silence_id
                where a.status = 'SUPPRESSED' and (s.ended_at is not null or s.ends_at <= :now)
                order by a.id""").param("now", ts(now)).query(this::view).list();
    }

    List<AlertView> list(@Nullable String integration, @Nullable AlertStatus status, int limit) {
        String where = (integration == null ? "" : " and integration = :i") + (status == null ? "" : " and status = :s");
        var sql = jdbc.sql("select * from alert where 1 = 1" + where + " order by last_seen_at desc, id desc limit :n")
                .param("n", limit);
        if (integration != null) {
            sql = sql.param("i", integration);
        }
        if (status != null) {
            sql = sql.param("s", status.name());
        }
        return sql.query(this::view).list();
    }

    Optional<AlertView> find(String integration, String key) {
        return jdbc.sql("select * from alert where integration = :i and dedup_key = :k")
                .param("i", integration).param("k", key).query(this::view).optional();
    }

    private AlertView view(ResultSet rs, int row) throws SQLException {
        long number = rs.getLong("incident_number");
        IncidentId incident = rs.wasNull() ? null : new IncidentId(number);
        return new AlertView(rs.getString("integration"), rs.getString("dedup_key"),
                AlertStatus.valueOf(rs.getString("status")), rs.getString("title"),
                incident, rs.getLong("seen_count"),
                instant(rs, "first_seen_at"), instant(rs, "last_seen_at"), instantOrNull(rs, "resolved_at"),
                json.readValue(rs.getString("labels"), LABELS), rs.getString("group_key"),
                rs.getBoolean("resolves_incident"), longOrNull(rs, "silence_id"), longOrNull(rs, "group_id"));
    }
}
