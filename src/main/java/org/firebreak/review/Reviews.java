package org.firebreak.review;

import static org.firebreak.shared.Sql.ts;
import static org.firebreak.shared.Sql.instantOrNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.firebreak.incident.IncidentId;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The review tables in plain SQL; only this module reads or writes them. */
@Repository
class Reviews {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Why>> WHYS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Reviews(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Review> find(IncidentId id) {
        return find(id, "");
    }

    /** Loads and locks the review row, so changes to one review apply one after the other. */
    Optional<Review> findForUpdate(IncidentId id) {
        return find(id, " for update");
    }

    private Optional<Review> find(IncidentId id, String lock) {
        List<Review.Mark> marks = marks(id);
        return jdbc.sql("select * from review where incident_number = :n" + lock).param("n", id.number())
                .query((rs, row) -> review(rs, marks)).optional();
    }

    /** The status of the incident's review, if it has one (the close rule asks). */
    Optional<ReviewStatus> status(IncidentId id) {
        return jdbc.sql("select status from review where incident_number = :n").param("n", id.number())
                .query(String.class).optional().map(ReviewStatus::valueOf);
    }

    /** One page of reviews, most recently changed first; {@code status} null for every status. */
    List<ReviewSummary> list(@Nullable ReviewStatus status, int limit, int offset) {
        return jdbc.sql("select incident_number, status, author, started_at, updated_at from review"
                + (status == null ? "" : " where status = :status")
                + " order by updated_at desc, incident_number desc limit :limit offset :offset")
                .params(status == null ? Map.of() : Map.of("status", status.name()))
                .param("limit", limit).param("offset", offset)
                .query((rs, row) -> new ReviewSummary(new IncidentId(rs.getLong("incident_number")),
                        ReviewStatus.valueOf(rs.getString("status")), rs.getString("author"),
                        instantOrNull(rs, "started_at"), instantOrNull(rs, "updated_at")))
                .list();
    }

    long count(@Nullable ReviewStatus status) {
        return jdbc.sql("select count(*) from review" + (status == null ? "" : " where status = :status"))
                .params(status == null ? Map.of() : Map.of("status", status.name())).query(Long.class).single();
    }

    void insert(Review r) {
        jdbc.sql("""
                insert into review (incident_number, status, author, summary, contributing_factors, five_whys,
                    impact_notes, went_well, went_badly, lucky, started_at, updated_at, submitted_at, submitted_by,
                    returned_reason, published_at, published_by, published_impact, version)
                values (:n, :status, :author, :summary, :factors, :whys, :impactNotes, :wentWell, :wentBadly, :lucky,
                    :startedAt, :updatedAt, :submittedAt, :submittedBy, :returnedReason, :publishedAt, :publishedBy,
                    :publishedImpact, 0)""")
                .params(columns(r)).param("author", r.author).param("startedAt", ts(r.startedAt)).update();
        writeMarks(r);
    }

    /** Writes a loaded review's changes; fails when someone else changed it since it was loaded. */
    void update(Review r) {
        int updated = jdbc.sql("""
                update review set status = :status, summary = :summary, contributing_factors = :factors,
                    five_whys = :whys, impact_notes = :impactNotes, went_well = :wentWell, went_badly = :wentBadly,
                    lucky = :lucky, updated_at = :updatedAt, submitted_at = :submittedAt, submitted_by = :submittedBy,
                    returned_reason = :returnedReason, published_at = :publishedAt, published_by = :publishedBy,
                    published_impact = :publishedImpact, version = version + 1
                where incident_number = :n and version = :version""")
                .params(columns(r)).param("version", r.version).update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("the review of " + r.incident + " was changed concurrently");
        }
        writeMarks(r);
    }

    private Map<String, Object> columns(Review r) {
        Map<String, Object> c = new HashMap<>();
        c.put("n", r.incident.number());
        c.put("status", r.status.name());
        c.put("summary", r.summary);
        c.put("factors", json.writeValueAsString(r.contributingFactors));
        c.put("whys", json.writeValueAsString(r.fiveWhys));
        c.put("impactNotes", r.impactNotes);
        c.put("wentWell", json.writeValueAsString(r.wentWell));
        c.put("wentBadly", json.writeValueAsString(r.wentBadly));
        c.put("lucky", json.writeValueAsString(r.lucky));
        c.put("updatedAt", ts(r.updatedAt));
        c.put("submittedAt", ts(r.submittedAt));
        c.put("submittedBy", r.submittedBy);
        c.put("returnedReason", r.returnedReason);
        c.put("publishedAt", ts(r.publishedAt));
        c.put("publishedBy", r.publishedBy);
        c.put("publishedImpact", r.publishedImpact == null ? null : json.writeValueAsString(r.publishedImpact));
        return c;
    }

    private void writeMarks(Review r) {
        for (Review.Mark m : r.changedMarks) {
            jdbc.sql("delete from review_timeline_mark where incident_number = :n and seq = :seq")
                    .param("n", r.incident.number()).param("seq", m.seq()).update();
            jdbc.sql("""
                    insert into review_timeline_mark (incident_number, seq, key_entry, context, marked_by, marked_at)
                    values (:n, :seq, :key, :context, :by, :at)""")
                    .param("n", r.incident.number()).param("seq", m.seq()).param("key", m.key())
                    .param("context", m.context()).param("by", m.by()).param("at", ts(m.at())).update();
        }
        r.changedMarks.clear();
    }

    private List<Review.Mark> marks(IncidentId id) {
        return jdbc.sql("select * from review_timeline_mark where incident_number = :n order by seq")
                .param("n", id.number())
                .query((rs, row) -> new Review.Mark(rs.getInt("seq"), rs.getBoolean("key_entry"), rs.getString("context"),
                        rs.getString("marked_by"), instantOrNull(rs, "marked_at")))
                .list();
    }

    private Review review(ResultSet rs, List<Review.Mark> marks) throws SQLException {
        String impact = rs.getString("published_impact");
        return new Review(new IncidentId(rs.getLong("incident_number")), ReviewStatus.valueOf(rs.getString("status")),
                rs.getString("author"), rs.getString("summary"), json.readValue(rs.getString("contributing_factors"), STRINGS),
                json.readValue(rs.getString("five_whys"), WHYS), rs.getString("impact_notes"),
                json.readValue(rs.getString("went_well"), STRINGS), json.readValue(rs.getString("went_badly"), STRINGS),
                json.readValue(rs.getString("lucky"), STRINGS), instantOrNull(rs, "started_at"), instantOrNull(rs, "updated_at"),
                instantOrNull(rs, "submitted_at"), rs.getString("submitted_by"), rs.getString("returned_reason"),
                instantOrNull(rs, "published_at"), rs.getString("published_by"),
                impact == null ? null : json.readValue(impact, ImpactAssessment.class), rs.getInt("version"), marks);
    }
}
