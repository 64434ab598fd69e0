package org.firebreak.incident;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The human-friendly incident id, {@code INC-<n>}. */
public record IncidentId(long number) {

    private static final Pattern FORM = Pattern.compile("(?i)(?:INC-)?([1-9][0-9]{0,17})");

    public IncidentId {
        if (number < 1) {
            throw new IllegalArgumentException("incident number must be positive");
        }
    }

    /**
     * Parses {@code INC-7}, {@code inc-7} or {@code 7}. Also how JSON reads an id back, e.g. from an event the
     * publication registry resubmits after a restart.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static IncidentId parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an incident id; use the form INC-7");
        }
        return new IncidentId(Long.parseLong(m.group(1)));
    }

    @JsonValue
    @Override
    public String toString() {
        return "INC-" + number;
    }
}
