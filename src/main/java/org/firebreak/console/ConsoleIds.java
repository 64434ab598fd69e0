package org.firebreak.console;

import java.util.Arrays;
import java.util.Locale;

import org.firebreak.incident.IncidentId;
import org.firebreak.incident.InvalidIncidentInput;
import org.jspecify.annotations.Nullable;

/** Reads what people type or what a URL carries into the ids and names the APIs take (for the list pages too). */
public final class ConsoleIds {

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

    /** One of the enum's names, in any case; refused naming the field and the names allowed. */
    public static <E extends Enum<E>> E named(String field, @Nullable String name, Class<E> type) {
        String allowed = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        if (name == null || name.isBlank()) {
            throw new InvalidIncidentInput(field, "choose one of " + allowed);
        }
        try {
            return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidIncidentInput(field, "'" + name + "' is not one of " + allowed);
        }
    }
}
