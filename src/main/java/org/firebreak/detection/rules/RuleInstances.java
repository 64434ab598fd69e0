package org.firebreak.detection.rules;

import static org.firebreak.shared.Sql.ts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rule_instance table: persisted so a restart neither forgets a pending "for" nor re-fires what fires. */
@Repository
class RuleInstances {

    private final JdbcClient jdbc;

    RuleInstances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RuleInstance> of(String rule) {
        return jdbc.sql("select * from rule_instance where rule_id = :r order by subject").param("r", rule)
                .query((rs, n) -> new RuleInstance(rs.getString("rule_id"), rs.getString("subject"),
                        RuleInstance.State.valueOf(rs.getString("state")),
                        rs.getObject("since", OffsetDateTime.class).toInstant(), rs.getString("summary"),
                        rs.getLong("matched")))
                .list();
    }

    List<RuleInstance> all() {
        return jdbc.sql("select rule_id from rule_instance group by rule_id").query(String.class).list().stream()
                .flatMap(rule -> of(rule).stream()).toList();
    }

    void save(RuleInstance i, Instant now) {
        int updated = jdbc.sql("""
                update rule_instance set state = :state, since = :since, summary = :summary, matched = :marker,
                    updated_at = :now
                where rule_id = :r and subject = :s""")
                .param("state", i.state().name()).param("since", ts(i.since())).param("summary", clip(i.summary()))
                .param("marker", i.marker()).param("now", ts(now)).param("r", i.rule()).param("s", i.subject())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into rule_instance (rule_id, subject, state, since, summary, matched, updated_at)
                    values (:r, :s, :state, :since, :summary, :marker, :now)""")
                    .param("state", i.state().name()).param("since", ts(i.since())).param("summary", clip(i.summary()))
                    .param("marker", i.marker()).param("now", ts(now)).param("r", i.rule()).param("s", i.subject())
                    .update();
        }
    }

    void delete(RuleInstance i) {
        jdbc.sql("delete from rule_instance where rule_id = :r and subject = :s").param("r", i.rule())
                .param("s", i.subject()).update();
    }

    private static String clip(String text) {
        return text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }
}
