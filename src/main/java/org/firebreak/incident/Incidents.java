package org.firebreak.incident;

import static org.firebreak.shared.Sql.ts;
import static org.firebreak.shared.Sql.instantOrNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.firebreak.shared.IncidentType;
import org.firebreak.shared.Severity;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The incidents table family, in plain SQL. Only this module reads or writes these tables. */
@Repository
class Incidents {

    private static final TypeReference<Map<String, String>> EVIDENCE = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Incidents(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    IncidentId nextId() {
        Long next = jdbc.sql("select nextval('incident_number_seq')").query(Long.class).single();
        return new IncidentId(next);
    }

    Optional<Incident> find(IncidentId id) {
        return find(id, "");
    }

    /**
     * Loads an incident and locks its row until the transaction ends, so changes to one incident are applied one
     * after the other (and its timeline numbers stay gapless) while other incidents go on in parallel.
     */
    Optional<Incident> findForUpdate(IncidentId id) {
        return find(id, " for update");
    }

    private Optional<Incident> find(IncidentId id, String lock) {
        long n = id.number();
        // Map the row first and read the child tables after: nested queries inside a row mapper would each hold a
        // second pooled connection outside a transaction, and enough concurrent readers then exhaust the pool.
        return jdbc.sql("select * from incident where number = :n" + lock).param("n", n)
                .query((rs, row) -> new Row(rs)).optional()
                .map(row -> row.incident(names("incident_responder", "name", n), names("incident_component", "name", n),
                        names("incident_criterion", "label", n), steps(n), lastSeq(n)));
    }

    /** The incident table's own columns, read before the child tables. */
    private record Row(IncidentId id, String title, String summary, Severity severity, IncidentType type,
            IncidentStatus status, @Nullable String commander, Instant detectedAt, Instant openedAt,
            @Nullable Instant acknowledgedAt, @Nullable Instant mitigatedAt, @Nullable Instant resolvedAt,
            @Nullable Instant closedAt, int version) {

        Row(ResultSet rs) throws SQLException {
            this(new IncidentId(rs.getLong("number")), rs.getString("title"), rs.getString("summary"),
                    Severity.valueOf(rs.getString("severity")), new IncidentType(rs.getString("incident_type")),
                    IncidentStatus.valueOf(rs.getString("status")), rs.getString("commander"),
                    instantOrNull(rs, "detected_at"), instantOrNull(rs, "opened_at"), instantOrNull(rs, "acknowledged_at"),
                    instantOrNull(rs, "mitigated_at"), instantOrNull(rs, "resolved_at"), instantOrNull(rs, "closed_at"),
                    rs.getInt("version"));
        }

        Incident incident(List<String> responders, List<String> components, List<String> criteria,
                List<ChecklistStep> steps, int lastSeq) {
            return new Incident(id, title, summary, severity, type, status, commander, responders, components,
                    criteria, detectedAt, openedAt, acknowledgedAt, mitigatedAt, resolvedAt, closedAt, version, steps,
                    lastSeq);
        }
    }

    private List<String> names(String table, String column, long n) {
        return jdbc.sql("select " + column + " from " + table + " where incident_number = :n order by position")
                .param("n", n).query(String.class).list();
    }

    private List<ChecklistStep> steps(long n) {
        return jdbc.sql("select * from incident_step where incident_number = :n order by position").param("n", n)
                .query((rs, row) -> new ChecklistStep(rs.getInt("step_no"), rs.getInt("position"),
                        rs.getString("playbook_id"), rs.getInt("playbook_version"), rs.getString("section"),
                        rs.getString("step_id"), rs.getString("title"), rs.getString("description"),
                        rs.getString("automation"), StepState.valueOf(rs.getString("state")), rs.getString("note"),
                        rs.getString("done_by"), instantOrNull(rs, "done_at"), outcome(rs)))
                .list();
    }

    private StepView.@Nullable Outcome outcome(ResultSet rs) throws SQLException {
        String result = rs.getString("outcome_result");
        if (result == null) {
            return null;
        }
        return new StepView.Outcome(result, rs.getString("outcome_summary"),
                json.readValue(rs.getString("outcome_evidence"), EVIDENCE), instantOrNull(rs, "outcome_at"));
    }

    private int lastSeq(long n) {
        return jdbc.sql("select coalesce(max(seq), 0) from incident_timeline where incident_number = :n")
                .param("n", n).query(Integer.class).single();
    }

    /** Inserts a new incident with everything it carries. */
    void insert(Incident incident) {
        jdbc.sql("""
                insert into incident (number, title, summary, severity, incident_type, status, commander, detected_at,
                    opened_at, acknowledged_at, mitigated_at, resolved_at, closed_at, version)
                values (:n, :title, :summary, :severity, :type, :status, :commander, :detectedAt, :openedAt,
                    :acknowledgedAt, :mitigatedAt, :resolvedAt, :closedAt, 0)""")
                .param("n", incident.id.number()).param("title", incident.title).param("summary", incident.summary)
                .param("type", incident.type.name()).param("detectedAt", ts(incident.detectedAt))
                .param("openedAt", ts(incident.openedAt)).params(mutableColumns(incident)).update();
        insertNames("incident_criterion", "label", incident.id.number(), incident.criteria);
        writeLists(incident);
        writeChanges(incident);
    }

    /** Writes the changes of a loaded incident; fails if someone else changed it since it was loaded. */
    void update(Incident incident) {
        int updated = jdbc.sql("""
                update incident set title = :title, severity = :severity, status = :status, commander = :commander,
                    acknowledged_at = :acknowledgedAt, mitigated_at = :mitigatedAt, resolved_at = :resolvedAt,
                    closed_at = :closedAt, version = version + 1
                where number = :n and version = :version""")
                .param("n", incident.id.number()).param("version", incident.version)
                .params(mutableColumns(incident)).update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException(incident.id + " was changed concurrently");
        }
        for (String table : List.of("incident_responder", "incident_component")) {
            jdbc.sql("delete from " + table + " where incident_number = :n").param("n", incident.id.number()).update();
        }
        writeLists(incident);
        try {
            writeChanges(incident);
        } catch (DuplicateKeyException e) {
            // Another writer took this timeline number first: the same as a version conflict, and retried as one.
            throw new OptimisticLockingFailureException(incident.id + "'s timeline was appended to concurrently", e);
        }
    }

    private static Map<String, Object> mutableColumns(Incident incident) {
        HashMap<String, Object> columns = new java.util.HashMap<>();
        columns.put("title", incident.title);
        columns.put("severity", incident.severity.name());
        columns.put("status", incident.status.name());
        columns.put("commander", incident.commander);
        columns.put("acknowledgedAt", ts(incident.acknowledgedAt));
        columns.put("mitigatedAt", ts(incident.mitigatedAt));
        columns.put("resolvedAt", ts(incident.resolvedAt));
        columns.put("closedAt", ts(incident.closedAt));
        return columns;
    }

    private void writeLists(Incident incident) {
        long n = incident.id.number();
        insertNames("incident_responder", "name", n, incident.responders);
        insertNames("incident_component", "name", n, incident.components);
    }

    private void insertNames(String table, String column, long n, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            jdbc.sql("insert into " + table + " (incident_number, position, " + column + ") values (:n, :p, :v)")
                    .param("n", n).param("p", i + 1).param("v", names.get(i)).update();
        }
    }

    private void writeChanges(Incident incident) {
        long n = incident.id.number();
        for (ChecklistStep step : incident.steps) {
            if (step.dirty) {
                saveStep(n, step);
            }
        }
        for (TimelineEntry e : incident.newEntries()) {
            jdbc.sql("""
                    insert into incident_timeline (incident_number, seq, at, actor, kind, field, before_value,
                        after_value, text)
                    values (:n, :seq, :at, :actor, :kind, :field, :before, :after, :text)""")
                    .param("n", n).param("seq", e.seq()).param("at", ts(e.at())).param("actor", e.actor())
                    .param("kind", e.kind().name()).param("field", e.field()).param("before", e.before())
                    .param("after", e.after()).param("text", e.text()).update();
        }
    }

    private void saveStep(long n, ChecklistStep s) {
        int updated = jdbc.sql("""
                update incident_step set position = :position, state = :state, note = :note, done_by = :by,
                    done_at = :at, outcome_result = :result, outcome_summary = :summary,
                    outcome_evidence = :evidence, outcome_at = :outcomeAt
                where incident_number = :n and step_no = :no""")
                .params(stepColumns(n, s)).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into incident_step (incident_number, step_no, position, playbook_id, playbook_version,
                        section, step_id, title, description, automation, state, note, done_by, done_at,
                        outcome_result, outcome_summary, outcome_evidence, outcome_at)
                    values (:n, :no, :position, :playbookId, :playbookVersion, :section, :stepId, :title,
                        :description, :automation, :state, :note, :by, :at, :result, :summary, :evidence,
                        :outcomeAt)""")
                    .params(stepColumns(n, s)).update();
        }
        s.dirty = false;
    }

    private Map<String, Object> stepColumns(long n, ChecklistStep s) {
        HashMap<String, Object> c = new java.util.HashMap<>();
        c.put("n", n);
        c.put("no", s.no);
        c.put("position", s.position);
        c.put("playbookId", s.playbookId);
        c.put("playbookVersion", s.playbookVersion);
        c.put("section", s.section);
        c.put("stepId", s.stepId);
        c.put("title", s.title);
        c.put("description", s.description);
        c.put("automation", s.automation);
        c.put("state", s.state.name());
        c.put("note", s.note);
        c.put("by", s.by);
        c.put("at", ts(s.at));
        c.put("result", s.outcome == null ? null : s.outcome.result());
        c.put("summary", s.outcome == null ? null : s.outcome.summary());
        c.put("evidence", s.outcome == null ? null : json.writeValueAsString(s.outcome.evidence()));
        c.put("outcomeAt", s.outcome == null ? null : ts(s.outcome.at()));
        return c;
    }

    List<TimelineEntry> timeline(IncidentId id) {
        return jdbc.sql("select * from incident_timeline where incident_number = :n order by seq")
                .param("n", id.number())
                .query((rs, row) -> new TimelineEntry(rs.getInt("seq"), instantOrNull(rs, "at"), rs.getString("actor"),
                        TimelineKind.valueOf(rs.getString("kind")), rs.getString("field"),
                        rs.getString("before_value"), rs.getString("after_value"), rs.getString("text")))
                .list();
    }

    /** One page of incidents matching the filter, newest first. */
    List<IncidentSummary> list(IncidentFilter filter, int limit, int offset) {
        return jdbc.sql("select " + SUMMARY + " from incident" + filter.where()
                + " order by number desc limit :limit offset :offset")
                .params(filter.params()).param("limit", limit).param("offset", offset)
                .query((rs, row) -> summary(rs)).list();
    }

    /** The rows of the given incidents in one query, newest first; unknown numbers are left out. */
    List<IncidentSummary> summaries(Collection<Long> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + SUMMARY + " from incident where number in (:numbers) order by number desc")
                .param("numbers", List.copyOf(numbers)).query((rs, row) -> summary(rs)).list();
    }

    private static final String SUMMARY = "number, title, severity, incident_type, status, commander, detected_at, "
            + "resolved_at";

    private static IncidentSummary summary(ResultSet rs) throws SQLException {
        return new IncidentSummary(new IncidentId(rs.getLong("number")), rs.getString("title"),
                Severity.valueOf(rs.getString("severity")), new IncidentType(rs.getString("incident_type")),
                IncidentStatus.valueOf(rs.getString("status")), rs.getString("commander"),
                instantOrNull(rs, "detected_at"), instantOrNull(rs, "resolved_at"));
    }

    List<IncidentTimes> detectedBetween(Instant from, Instant to) {
        return jdbc.sql("""
                select number, severity, incident_type, status, detected_at, acknowledged_at, mitigated_at, resolved_at,
                    closed_at
                from incident where detected_at >= :from and detected_at < :to order by detected_at, number""")
                .param("from", ts(from)).param("to", ts(to))
                .query((rs, row) -> new IncidentTimes(new IncidentId(rs.getLong("number")),
                        Severity.valueOf(rs.getString("severity")), new IncidentType(rs.getString("incident_type")),
                        IncidentStatus.valueOf(rs.getString("status")), instantOrNull(rs, "detected_at"),
                        instantOrNull(rs, "acknowledged_at"), instantOrNull(rs, "mitigated_at"), instantOrNull(rs, "resolved_at"),
                        instantOrNull(rs, "closed_at")))
                .list();
    }

    /**
     * One statement: the version of each watched incident, and the sum of all versions plus the number of incidents
     * (versions only grow and incidents are never deleted, so that sum moves on every open and every change).
     */
    ChangeMarkers changeMarkers(Collection<IncidentId> watched) {
        String each = watched.isEmpty() ? ""
                : "select number, version from incident where number in (:numbers) union all ";
        var sql = jdbc.sql(each + "select -1, count(*) + coalesce(sum(version), 0) from incident");
        if (!watched.isEmpty()) {
            sql = sql.param("numbers", watched.stream().map(IncidentId::number).toList());
        }
        long all = 0;
        Map<IncidentId, Long> markers = new HashMap<>();
        for (long[] row : sql.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list()) {
            if (row[0] == -1) {
                all = row[1];
            } else {
                markers.put(new IncidentId(row[0]), row[1]);
            }
        }
        return new ChangeMarkers(all, markers);
    }

    List<IncidentOverview> openOrDetectedSince(Instant since) {
        Map<Long, List<String>> components = new HashMap<>();
        jdbc.sql("""
                select c.incident_number, c.name from incident_component c join incident i on i.number = c.incident_number
                where i.status not in ('RESOLVED', 'CLOSED') or i.detected_at >= :since
                order by c.incident_number, c.position""")
                .param("since", ts(since))
                .query(rs -> {
                    components.computeIfAbsent(rs.getLong(1), n -> new ArrayList<>()).add(rs.getString(2));
                });
        return jdbc.sql("""
                select number, title, severity, status, detected_at, opened_at, acknowledged_at, mitigated_at,
                    resolved_at, closed_at
                from incident where status not in ('RESOLVED', 'CLOSED') or detected_at >= :since
                order by number desc""")
                .param("since", ts(since))
                .query((rs, row) -> new IncidentOverview(new IncidentId(rs.getLong("number")), rs.getString("title"),
                        Severity.valueOf(rs.getString("severity")), IncidentStatus.valueOf(rs.getString("status")),
                        List.copyOf(components.getOrDefault(rs.getLong("number"), List.of())),
                        instantOrNull(rs, "detected_at"), instantOrNull(rs, "opened_at"),
                        instantOrNull(rs, "acknowledged_at"), instantOrNull(rs, "mitigated_at"),
                        instantOrNull(rs, "resolved_at"), instantOrNull(rs, "closed_at")))
                .list();
    }

    long count(IncidentFilter filter) {
        return jdbc.sql("select count(*) from incident" + filter.where()).params(filter.params())
                .query(Long.class).single();
    }
}
