package org.firebreak.detection.web;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/** Fits senders' free text into what an incident accepts, instead of refusing an alert over its wording. */
final class Texts {

    /** The incident module's component form; other names are dropped (they stay visible in the labels). */
    private static final Pattern COMPONENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._/-]{0,63}");

    /** The key of a group a sender names itself ({@code firebreak_group}), kept apart from Alertmanager's groupKeys. */
    static final String OWN_GROUP = "firebreak_group:";

    private Texts() {
    }

    /** A sender's own group name: stripped, at most 200 characters; blank means none. */
    static @Nullable String group(@Nullable String name, String field) {
        if (name == null || name.isBlank()) {
            return null;
        }
        if (name.strip().length() > 200) {
            throw new org.firebreak.shared.web.InvalidRequestField(field, "is longer than 200 characters");
        }
        return name.strip();
    }

    static List<String> components(Stream<@Nullable String> names) {
        return names.filter(Objects::nonNull).map(String::strip).filter(n -> COMPONENT.matcher(n).matches())
                .distinct().toList();
    }
}
