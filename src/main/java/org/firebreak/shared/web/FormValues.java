package org.firebreak.shared.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/** Reads what people type or what a page's address carries into the ids, names and choices the APIs take. */
public final class FormValues {

    static final int MAX_NAME = 100;

    private FormValues() {
    }

    /**
     * An id in a page's address, read by the module's parser ({@code IncidentId::parse}); one it refuses is a page
     * that does not exist (404), not a bad request.
     */
    public static <T> T found(String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new PageNotFound(e.getMessage());
        }
    }

    /** A person's name as the timeline records it: not blank, printable, at most 100 characters. */
    public static String person(String field, @Nullable String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidRequestField(field, "is empty: give a person's name");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_NAME || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestField(field, "must be a name of at most " + MAX_NAME + " printable characters");
        }
        return stripped;
    }

    /** One of the enum's names, in any case; refused naming the field and the names allowed. */
    public static <E extends Enum<E>> E named(String field, @Nullable String name, Class<E> type) {
        String allowed = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        if (name == null || name.isBlank()) {
            throw new InvalidRequestField(field, "choose one of " + allowed);
        }
        try {
            return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestField(field, "'" + name + "' is not one of " + allowed);
        }
    }
}
