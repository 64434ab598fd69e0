package org.firebreak.oncall;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.firebreak.shared.ConfigProblem;
import org.jspecify.annotations.Nullable;

/** Times of day and zones as operators write them, with a message that says what was expected. */
final class ConfigValues {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private ConfigValues() {
    }

    /** An id that names a person, schedule or policy in files, URLs, keys and acknowledge links. */
    static String id(String what, @Nullable String id) {
        ConfigProblem.required("id", id);
        if (!ID.matcher(id).matches()) {
            throw new ConfigProblem("id", "'" + id + "' is not a " + what + " id: lower case letters, digits, '.', '_' or '-'");
        }
        return id;
    }

    static LocalTime timeOfDay(String field, @Nullable String text, String fallback) {
        String value = text == null || text.isBlank() ? fallback : text.strip();
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new ConfigProblem(field, "'" + value + "' is not a time of day such as 09:00");
        }
    }

    static ZoneId zone(String field, @Nullable String text) {
        String value = text == null || text.isBlank() ? "UTC" : text.strip();
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new ConfigProblem(field, "'" + value + "' is not a time zone; use a region such as Europe/Berlin");
        }
    }
}
