package org.firebreak.comms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.firebreak.incident.IncidentId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The status_update table, in plain SQL. Only this module reads or writes it; rows are never changed. */
@Repository
class StatusUpdateStore {

    private final JdbcClient jdbc;

    StatusUpdateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    StatusUpdateView insert(IncidentId incident, PostStatusUpdate update, String author, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into status_update (incident_number, text, status, visibility, author, posted_at)
                values (:i, :text, :status, :visibility, :author, :at)""")
                .param("i", incident.number()).param("text", update.text().strip()).param("status", update.status().name())
                .param("visibility", update.visibilityOrDefault().name()).param("author", author)
                .param("at", at.atOffset(ZoneOffset.UTC)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        return new StatusUpdateView(id, incident, update.text().strip(), update.status(), update.visibilityOrDefault(),
                author, at);
    }

    List<StatusUpdateView> of(IncidentId incident, boolean publicOnly) {
        return jdbc.sql("select * from status_update where incident_number = :i"
                + (publicOnly ? " and visibility = 'PUBLIC'" : "") + " order by posted_at, id")
                .param("i", incident.number()).query(StatusUpdateStore::view).list();
    }

    List<StatusUpdateView> publicSince(Instant since) {
        return jdbc.sql("select * from status_update where visibility = 'PUBLIC' and posted_at >= :since order by posted_at, id")
                .param("since", since.atOffset(ZoneOffset.UTC)).query(StatusUpdateStore::view).list();
    }

    Optional<Instant> latest(IncidentId incident) {
        return jdbc.sql("select max(posted_at) from status_update where incident_number = :i")
                .param("i", incident.number()).query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional()
                .map(OffsetDateTime::toInstant);
    }

    private static StatusUpdateView view(ResultSet rs, int row) throws SQLException {
        return new StatusUpdateView(rs.getLong("id"), new IncidentId(rs.getLong("incident_number")),
                rs.getString("text"), UpdateStatus.valueOf(rs.getString("status")),
                Visibility.valueOf(rs.getString("visibility")), rs.getString("author"),
                rs.getObject("posted_at", OffsetDateTime.class).toInstant());
    }
}
