package org.firebreak.oncall;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.firebreak.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The overrides created at run time (table {@code oncall_override}). */
@Repository
class Overrides {

    private final JdbcClient jdbc;

    Overrides(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String schedule, NewOverride o, String by, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into oncall_override (schedule_id, person_id, starts_at, ends_at, reason, created_by, created_at)
                values (:schedule, :person, :from, :until, :reason, :by, :now)""")
                .param("schedule", schedule).param("person", o.person()).param("from", Sql.ts(o.from()))
                .param("until", Sql.ts(o.until())).param("reason", o.reason()).param("by", by).param("now", Sql.ts(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The overrides of a schedule that cover some instant at or after {@code from}, oldest first. */
    List<OverrideView> endingAfter(String schedule, Instant from) {
        return jdbc.sql("""
                select * from oncall_override where schedule_id = :schedule and ends_at > :from order by id""")
                .param("schedule", schedule).param("from", Sql.ts(from)).query((rs, n) -> view(rs)).list();
    }

    /** The overrides of a schedule that cover {@code at}. */
    List<OverrideView> covering(String schedule, Instant at) {
        return jdbc.sql("""
                select * from oncall_override
                where schedule_id = :schedule and starts_at <= :at and ends_at > :at order by id""")
                .param("schedule", schedule).param("at", Sql.ts(at)).query((rs, n) -> view(rs)).list();
    }

    OverrideView get(long id) {
        return jdbc.sql("select * from oncall_override where id = :id").param("id", id).query((rs, n) -> view(rs))
                .single();
    }

    private static OverrideView view(ResultSet rs) throws SQLException {
        return new OverrideView(rs.getLong("id"), rs.getString("schedule_id"), rs.getString("person_id"),
                Sql.instant(rs, "starts_at"), Sql.instant(rs, "ends_at"), rs.getString("reason"),
                rs.getString("created_by"), Sql.instant(rs, "created_at"));
    }
}
