package org.firebreak.detection;

import static org.firebreak.shared.Sql.ts;
import static org.firebreak.shared.Sql.instant;
import static org.firebreak.shared.Sql.instantOrNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The silence tables, in plain SQL. */
@Repository
class Silences {

    private final JdbcClient jdbc;

    Silences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewSilence s, Instant startsAt, String author, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into silence (kind, rule_id, component, label_name, label_value, starts_at, ends_at, author,
                    reason, created_at)
                values (:kind, :rule, :component, :ln, :lv, :starts, :ends, :author, :reason, :now)""")
                .param("kind", s.kindOrDefault().name()).param("rule", s.rule()).param("component", s.component())
                .param("ln", s.labelName()).param("lv", s.labelValue()).param("starts", ts(startsAt))
                .param("ends", ts(s.endsAt())).param("author", author).param("reason", s.reason())
                .param("now", ts(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<SilenceView> find(long id, Instant now) {
        return jdbc.sql("select * from silence where id = :id").param("id", id)
                .query((rs, n) -> view(rs, now)).optional().map(this::withSuppressed);
    }

    /** Active ones (started, not ended) and, with {@code all}, ended ones too; newest first. */
    List<SilenceView> list(boolean all, Instant now, int limit) {
        String where = all ? "" : " where starts_at <= :now and ends_at > :now and ended_at is null";
        return jdbc.sql("select * from silence" + where + " order by id desc limit :n").param("now", ts(now))
                .param("n", limit).query((rs, n) -> view(rs, now)).list().stream().map(this::withSuppressed).toList();
    }

    void end(long id, Instant at) {
        jdbc.sql("update silence set ended_at = :at where id = :id and ended_at is null")
                .param("at", ts(at)).param("id", id).update();
    }

    /** What is done about a silence once, each recorded in its own column (migration V4_50). */
    enum FollowUp {
        ENDS_SOON("ends_soon_reminded_at"), HOLDING("holding_reminded_at"), BEGAN("began_told_at");

        final String column;

        FollowUp(String column) {
            this.column = column;
        }
    }

    /**
     * Claims a follow-up of a silence for the calling transaction: true for the one transaction that sets its column
     * while still empty; false once any transaction, here or on another replica, before or after a restart, has.
     */
    boolean claim(long id, FollowUp followUp, Instant now) {
        return jdbc.sql("update silence set " + followUp.column + " = :now where id = :id and " + followUp.column
                + " is null").param("now", ts(now)).param("id", id).update() == 1;
    }

    /** Silences in force that end by {@code horizon} and whose author was not yet told so. */
    List<SilenceView> endingUntold(Instant now, Instant horizon) {
        return jdbc.sql("""
                select * from silence where ended_at is null and ends_soon_reminded_at is null and starts_at <= :now
                    and ends_at > :now and ends_at <= :horizon order by id""")
                .param("now", ts(now)).param("horizon", ts(horizon)).query((rs, n) -> view(rs, now)).list().stream()
                .map(this::withSuppressed).toList();
    }

    /** How long a silence has held alerts back and how many: since its first, at or before {@code since}. */
    record Holding(long silence, long alerts, long times, Instant since) {
    }

    /** Silences in force that first held an alert back at or before {@code since}, whose author was not yet told. */
    List<Holding> holdingUntold(Instant now, Instant since) {
        return jdbc.sql("""
                select a.silence_id, count(*) as alerts, sum(a.times) as times, min(a.first_at) as since
                from silenced_alert a join silence s on s.id = a.silence_id
                where s.ended_at is null and s.holding_reminded_at is null and s.ends_at > :now
                group by a.silence_id having min(a.first_at) <= :since order by a.silence_id""")
                .param("now", ts(now)).param("since", ts(since))
                .query((rs, n) -> new Holding(rs.getLong("silence_id"), rs.getLong("alerts"), rs.getLong("times"),
                        instant(rs, "since"))).list();
    }

    /** Maintenance windows in force whose start was not yet told. */
    List<SilenceView> maintenanceBegunUntold(Instant now) {
        return jdbc.sql("""
                select * from silence where kind = 'MAINTENANCE' and ended_at is null and began_told_at is null
                    and starts_at <= :now and ends_at > :now order by id""")
                .param("now", ts(now)).query((rs, n) -> view(rs, now)).list();
    }

    /** Counts one more suppression of an alert by a silence. */
    void recordSuppressed(long silence, AlertView alert, Instant at) {
        int updated = jdbc.sql("""
                update silenced_alert set last_at = :at, times = times + 1
                where silence_id = :s and integration = :i and dedup_key = :k""")
                .param("at", ts(at)).param("s", silence).param("i", alert.integration()).param("k", alert.dedupKey())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into silenced_alert (silence_id, integration, dedup_key, title, first_at, last_at, times)
                    values (:s, :i, :k, :title, :at, :at, 1)""")
                    .param("s", silence).param("i", alert.integration()).param("k", alert.dedupKey())
                    .param("title", alert.title()).param("at", ts(at)).update();
        }
    }

    private SilenceView view(ResultSet rs, Instant now) throws SQLException {
        long id = rs.getLong("id");
        Instant starts = instant(rs, "starts_at");
        Instant ends = instant(rs, "ends_at");
        Instant ended = instantOrNull(rs, "ended_at");
        boolean active = ended == null && !starts.isAfter(now) && ends.isAfter(now);
        return new SilenceView(id, SilenceKind.valueOf(rs.getString("kind")), rs.getString("rule_id"),
                rs.getString("component"), rs.getString("label_name"), rs.getString("label_value"), starts, ends,
                ended, rs.getString("author"), rs.getString("reason"), instant(rs, "created_at"), active, List.of());
    }

    /** Read after the silence's own row is mapped: one connection at a time, never a query inside a row mapper. */
    private SilenceView withSuppressed(SilenceView s) {
        List<SilenceView.Suppressed> suppressed = jdbc.sql("""
                select * from silenced_alert where silence_id = :s order by last_at desc limit 200""")
                .param("s", s.id()).query((r, n) -> new SilenceView.Suppressed(r.getString("integration"),
                        r.getString("dedup_key"), r.getString("title"), instant(r, "first_at"), instant(r, "last_at"),
                        r.getLong("times"))).list();
        return new SilenceView(s.id(), s.kind(), s.rule(), s.component(), s.labelName(), s.labelValue(), s.startsAt(),
                s.endsAt(), s.endedAt(), s.author(), s.reason(), s.createdAt(), s.active(), suppressed);
    }
}
