package org.firebreak.shared;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What kind of trouble an incident is. The plan names three common incidents; operators add their own
 * by shipping a playbook for a new type, so a type is a validated name rather than a closed enum.
 */
public record IncidentType(String name) {

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{2,63}");

    public static final IncidentType ACCOUNT_CREATION_FAILURE = new IncidentType("ACCOUNT_CREATION_FAILURE");
    public static final IncidentType DELEGATION_FAILURE = new IncidentType("DELEGATION_FAILURE");
    public static final IncidentType PERFORMANCE_DEGRADATION = new IncidentType("PERFORMANCE_DEGRADATION");
    /** An incident that matches none of the common-incident playbooks (yet). */
    public static final IncidentType UNCLASSIFIED = new IncidentType("UNCLASSIFIED");

    public IncidentType {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "incident type must be UPPER_SNAKE_CASE, 3 to 64 characters (e.g. DELEGATION_FAILURE), got '"
                            + name + "'");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static IncidentType of(String name) {
        return new IncidentType(name);
    }

    @JsonValue
    @Override
    public String toString() {
        return name;
    }
}
