package org.firebreak.detection.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.firebreak.shared.StoredText;
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

    /**
     * What an alert keeps of its labels, as JSON characters: the stored signal (labels, a summary of up to 4,000
     * characters, title and the rest) must fit 16,000 characters of JSON even when the summary is all quotes.
     */
    static final int LABELS_KEPT = 6_000;
    /** The longest label value kept whole; a longer one is cut with a mark. */
    static final int LABEL_VALUE_KEPT = 1_000;

    /**
     * A sender's labels (Alertmanager's labels, PagerDuty's custom details) as an alert keeps them: each value cut to
     * {@value #LABEL_VALUE_KEPT} characters, and labels taken in order while they fit {@value #LABELS_KEPT} characters
     * of JSON; those left out are counted in {@code firebreak_left_out}. An alert is never refused over its labels.
     */
    static Map<String, String> labels(Map<String, String> given) {
        Map<String, String> kept = new LinkedHashMap<>();
        int used = 2;
        int left = 0;
        for (Map.Entry<String, String> label : given.entrySet()) {
            String name = StoredText.abbreviate(label.getKey(), 200);
            String value = StoredText.abbreviate(label.getValue(), LABEL_VALUE_KEPT);
            int cost = json(name) + json(value) + 6;
            if (used + cost > LABELS_KEPT) {
                left++;
                continue;
            }
            kept.put(name, value);
            used += cost;
        }
        if (left > 0) {
            kept.put("firebreak_left_out", left + " more labels, past the " + LABELS_KEPT + " characters an alert keeps");
        }
        return kept;
    }

    /** The characters a text takes in JSON: quotes and backslashes are escaped, controls written as a six-character escape. */
    private static int json(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            length += c == '"' || c == '\\' ? 2 : c < 0x20 ? 6 : 1;
        }
        return length;
    }

    static List<String> components(Stream<@Nullable String> names) {
        return names.filter(Objects::nonNull).map(String::strip).filter(n -> COMPONENT.matcher(n).matches())
                .distinct().toList();
    }
}
