package org.firebreak.incident;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** H2's half of the append-only guarantee on {@code incident_timeline}; PostgreSQL uses a plpgsql trigger. */
public class TimelineAppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("incident_timeline is append-only: " + (newRow == null ? "DELETE" : "UPDATE")
                + " is not allowed");
    }
}
