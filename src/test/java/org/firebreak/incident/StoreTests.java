package org.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.firebreak.incident.OpenIncidentBuilder.anIncident;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

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

    @Test
    void changeMarkersMoveWithEveryWriteToTheirIncidentAndNotWithOthers() {
        IncidentId watched = incidents.open(anIncident().withSeverity(Severity.LOW).build(), "alice").id();
        IncidentId other = incidents.open(anIncident().withSeverity(Severity.LOW).build(), "alice").id();
        ChangeMarkers before = incidents.changeMarkers(List.of(watched, new IncidentId(999_999)));

        incidents.addNote(other, "elsewhere", "bob");
        ChangeMarkers afterOther = incidents.changeMarkers(List.of(watched));
        incidents.record(watched, TimelineKind.NOTIFICATION, "paged alice", "firebreak");
        ChangeMarkers afterRecord = incidents.changeMarkers(List.of(watched));
        incidents.completeStep(watched, 1, null, "bob");
        ChangeMarkers afterStep = incidents.changeMarkers(List.of(watched));

        assertThat(before.of(new IncidentId(999_999))).isEqualTo(-1);
        assertThat(afterOther.of(watched)).isEqualTo(before.of(watched));
        assertThat(afterOther.all()).isGreaterThan(before.all());
        assertThat(afterRecord.of(watched)).isGreaterThan(afterOther.of(watched));
        assertThat(afterStep.of(watched)).isGreaterThan(afterRecord.of(watched));
        assertThat(incidents.changeMarkers(List.of()).all()).isEqualTo(afterStep.all()).isGreaterThan(afterRecord.all());
        IncidentId opened = incidents.open(anIncident().withSeverity(Severity.LOW).build(), "alice").id();
        assertThat(incidents.changeMarkers(List.of(opened)).all()).isGreaterThan(afterStep.all());
    }
}
