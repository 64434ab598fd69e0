package org.firebreak.comms;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a status update says the incident stands, in the status page's words. Stored by name. */
public enum UpdateStatus {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED;

    /** As the API and the status page write it: {@code investigating}. */
    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
