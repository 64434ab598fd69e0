package org.firebreak.oncall;

import java.time.Instant;
import java.util.Optional;

import org.firebreak.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Acknowledge links that were used (table {@code ack_link_use}): each works once. */
@Repository
class AckLinkUses {

    private final JdbcClient jdbc;

    AckLinkUses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Instant> usedAt(String tokenId) {
        return jdbc.sql("select used_at from ack_link_use where token_id = :id").param("id", tokenId)
                .query((rs, n) -> Sql.instant(rs, "used_at")).optional();
    }

    /** Fails with a duplicate key when the link was used meanwhile (the primary key decides between two at once). */
    void insert(AckLinks.AckToken token, Instant now) {
        jdbc.sql("""
                insert into ack_link_use (token_id, incident_number, level, person_id, used_at)
                values (:id, :incident, :level, :person, :now)""")
                .param("id", token.id()).param("incident", token.incident().number()).param("level", token.level())
                .param("person", token.person()).param("now", Sql.ts(now)).update();
    }
}
