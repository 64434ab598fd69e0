package org.firebreak.statuspage;

import com.fasterxml.jackson.annotation.JsonValue;

/** A component's status, worst last, with Statuspage's names and the words a reader sees. */
public enum ComponentStatus {
    OPERATIONAL("operational", "Operational"),
    UNDER_MAINTENANCE("under_maintenance", "Under maintenance"),
    DEGRADED_PERFORMANCE("degraded_performance", "Degraded performance"),
    PARTIAL_OUTAGE("partial_outage", "Partial outage"),
    MAJOR_OUTAGE("major_outage", "Major outage");

    private final String wire;
    private final String label;

    ComponentStatus(String wire, String label) {
        this.wire = wire;
        this.label = label;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public String label() {
        return label;
    }

    public ComponentStatus worst(ComponentStatus other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
