package org.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.firebreak.incident.OpenIncidentBuilder.anIncident;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.firebreak.shared.Severity;
import org.firebreak.support.FirebreakIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The store the suite runs on, and the guarantees the store itself keeps. */
@FirebreakIntegrationTest
class StoreTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncidentApi incidents;

    @Test
    void theSuiteRunsOnTheStoreItWasAskedFor() throws SQLException {
        String expected = "postgres".equals(System.getenv("FIREBREAK_TEST_DB")) ? "PostgreSQL" : "H2";
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo(expected);
        }
    }

    @Test
    void theDatabaseRefusesToUpdateOrDeleteATimelineEntry() {
        IncidentId id = incidents.open(anIncident().withSeverity(Severity.LOW).build(), "alice").id();

        assertThatThrownBy(() -> jdbc.sql("update incident_timeline set text = 'rewritten' where incident_number = :n")
                .param("n", id.number()).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from incident_timeline where incident_number = :n")
                .param("n", id.number()).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");

        assertThat(incidents.timeline(id)).extracting(TimelineEntry::text)
                .first().asString().startsWith("Opened LOW");
    }
}
