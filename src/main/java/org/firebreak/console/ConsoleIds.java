package org.firebreak.console;

import org.firebreak.incident.IncidentId;
import org.firebreak.incident.InvalidIncidentInput;
import org.jspecify.annotations.Nullable;

/** Reads what people type or what a URL carries into the ids and names the APIs take. */
final class ConsoleIds {

    static final int MAX_NAME = 100;

    private ConsoleIds() {
    }

    /** {@code INC-12} or {@code 12}; anything else is a page that does not exist. */
    static IncidentId incident(String text) {
        try {
            return IncidentId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConsoleNotFound(e.getMessage());
        }
    }

    /** A person's name as the timeline records it: not blank, printable, at most 100 characters. */
    static String person(String field, @Nullable String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidIncidentInput(field, "is empty: give a person's name");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_NAME || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidIncidentInput(field, "must be a name of at most " + MAX_NAME + " printable characters");
        }
        return stripped;
    }
}
