package org.firebreak.review;

import static org.firebreak.shared.Sql.instantOrNull;
import static org.firebreak.shared.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.firebreak.incident.IncidentId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The action items and reminders tables in plain SQL. */
@Repository
class ActionItems {

    /** An action item's row, with when its owner was last reminded of it. */
    record Row(long id, IncidentId incident, String title, String owner, LocalDate dueOn, ActionPriority priority,
            ActionItemStatus status, String createdBy, Instant createdAt, Instant updatedAt,
            @Nullable Instant completedAt, @Nullable Instant lastRemindedAt) {

        ActionItemView view(LocalDate today) {
            boolean overdue = status.isOpen() && dueOn.isBefore(today);
            return new ActionItemView(id, incident, title, owner, dueOn, priority, status, overdue,
                    overdue ? dueOn.until(today, java.time.temporal.ChronoUnit.DAYS) : 0, createdBy, createdAt,
                    updatedAt, completedAt, lastRemindedAt);
        }
    }

    private static final String SELECT = """
            select a.*, (select max(r.reminded_at) from review_reminder r
                         where r.kind = 'ACTION_ITEM' and r.subject = cast(a.id as varchar(100))) as last_reminded_at
            from action_item a""";

    private final JdbcClient jdbc;

    ActionItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(IncidentId incident, NewActionItem item, ActionPriority priority, String actor, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into action_item (incident_number, title, owner, due_on, priority, status, created_by,
                    created_at, updated_at)
                values (:n, :title, :owner, :due, :priority, 'OPEN', :by, :now, :now)""")
                .param("n", incident.number()).param("title", item.title().strip()).param("owner", item.owner().strip())
                .param("due", item.dueOn()).param("priority", priority.name()).param("by", actor)
                .param("now", ts(now))
                .update(keys, "id");
        return java.util.Objects.requireNonNull(keys.getKey()).longValue();
    }

    Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(ActionItems::row).optional();
    }

    Optional<Row> findForUpdate(long id) {
        jdbc.sql("select id from action_item where id = :id for update").param("id", id).query(Long.class).optional();
        return find(id);
    }

    void update(Row r) {
        jdbc.sql("""
                update action_item set title = :title, owner = :owner, due_on = :due, priority = :priority,
                    status = :status, updated_at = :updatedAt, completed_at = :completedAt
                where id = :id""")
                .param("id", r.id()).param("title", r.title()).param("owner", r.owner()).param("due", r.dueOn())
                .param("priority", r.priority().name()).param("status", r.status().name())
                .param("updatedAt", ts(r.updatedAt())).param("completedAt", ts(r.completedAt()))
                .update();
    }

    List<Row> ofIncident(IncidentId incident) {
        return jdbc.sql(SELECT + " where a.incident_number = :n order by a.id").param("n", incident.number())
                .query(ActionItems::row).list();
    }

    /**
     * Items matching every criterion given, most urgent first (due date, then priority), skipping the first
     * {@code offset}. {@code overdueOn} keeps the open items due before that day.
     */
    List<Row> list(@Nullable String owner, Collection<ActionItemStatus> statuses, @Nullable IncidentId incident,
            @Nullable LocalDate overdueOn, int limit, int offset) {
        Where where = where(owner, statuses, incident, overdueOn);
        return jdbc.sql(SELECT + where.sql()
                + " order by a.due_on, case a.priority when 'HIGH' then 0 when 'MEDIUM' then 1 else 2 end, a.id"
                + " limit :limit offset :offset").params(where.params()).param("limit", limit).param("offset", offset)
                .query(ActionItems::row).list();
    }

    /** How many items {@link #list} has for these criteria in all. */
    long count(@Nullable String owner, Collection<ActionItemStatus> statuses, @Nullable IncidentId incident,
            @Nullable LocalDate overdueOn) {
        Where where = where(owner, statuses, incident, overdueOn);
        return jdbc.sql("select count(*) from action_item a" + where.sql()).params(where.params()).query(Long.class)
                .single();
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(@Nullable String owner, Collection<ActionItemStatus> statuses,
            @Nullable IncidentId incident, @Nullable LocalDate overdueOn) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (owner != null) {
            where.add("a.owner = :owner");
            params.put("owner", owner);
        }
        if (!statuses.isEmpty()) {
            where.add("a.status in (:statuses)");
            params.put("statuses", statuses.stream().map(Enum::name).toList());
        }
        if (incident != null) {
            where.add("a.incident_number = :n");
            params.put("n", incident.number());
        }
        if (overdueOn != null) {
            where.add("a.status in ('OPEN', 'IN_PROGRESS') and a.due_on < :today");
            params.put("today", overdueOn);
        }
        return new Where(where.isEmpty() ? "" : " where " + String.join(" and ", where), params);
    }

    /** Items created in [from, to), for the completion figures of analytics. */
    List<Row> createdBetween(Instant from, Instant to) {
        return jdbc.sql(SELECT + " where a.created_at >= :from and a.created_at < :to order by a.id")
                .param("from", ts(from)).param("to", ts(to)).query(ActionItems::row).list();
    }

    /** When the owner was last reminded of this subject, if ever. */
    Optional<Instant> lastReminded(String kind, String subject) {
        List<@Nullable Instant> last = jdbc.sql("""
                select max(reminded_at) as last from review_reminder where kind = :kind and subject = :subject""")
                .param("kind", kind).param("subject", subject).query((rs, row) -> instantOrNull(rs, "last")).list();
        return last.isEmpty() ? Optional.empty() : Optional.ofNullable(last.getFirst());
    }

    void recordReminder(String kind, String subject, String owner, String text, Instant at) {
        jdbc.sql("""
                insert into review_reminder (kind, subject, owner, reminded_at, text)
                values (:kind, :subject, :owner, :at, :text)""")
                .param("kind", kind).param("subject", subject).param("owner", owner).param("at", ts(at))
                .param("text", text).update();
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(rs.getLong("id"), new IncidentId(rs.getLong("incident_number")), rs.getString("title"),
                rs.getString("owner"), rs.getObject("due_on", LocalDate.class),
                ActionPriority.valueOf(rs.getString("priority")), ActionItemStatus.valueOf(rs.getString("status")),
                rs.getString("created_by"), instantOrNull(rs, "created_at"), instantOrNull(rs, "updated_at"),
                instantOrNull(rs, "completed_at"), instantOrNull(rs, "last_reminded_at"));
    }
}
