package org.firebreak.shared;

import java.util.Optional;

/**
 * What text Firebreak takes and stores, one rule for every way in (API bodies, console forms, alert senders): any
 * Unicode text except control characters other than tab, newline and carriage return (U+0000 to U+001F, U+007F to
 * U+009F) and lone surrogates (half a UTF-16 pair). PostgreSQL refuses U+0000 in text outright and neither store can
 * keep half a character, so the rule is what both stores take. Lengths are counted as Java counts them, in UTF-16
 * code units, the same in the validator's {@code @Size} and in H2's columns; PostgreSQL counts code points, never
 * more, so a text the validator lets through fits there too.
 */
public final class StoredText {

    /** What an alert sender's refused character becomes: an alert is never refused over its wording. */
    public static final char REPLACEMENT = '\uFFFD';

    private StoredText() {
    }

    /** Why the text may not be stored (naming the first refused character and where it is), or empty. */
    public static Optional<String> refusal(CharSequence text) {
        int at = firstRefused(text);
        if (at < 0) {
            return Optional.empty();
        }
        char c = text.charAt(at);
        String what = Character.isSurrogate(c) ? "half a surrogate pair" : "the control character";
        return Optional.of("holds " + what + " U+" + String.format("%04X", (int) c) + " at position " + at
                + "; text may hold any character except control characters other than tab, newline and carriage return");
    }

    /** The text with every refused character replaced by {@link #REPLACEMENT}; the same instance when it is clean. */
    public static String clean(String text) {
        int at = firstRefused(text);
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, at);
        for (int i = at; i < text.length(); i++) {
            char c = text.charAt(i);
            if (refused(c)) {
                out.append(REPLACEMENT);
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** At most {@code max} code units, ending in "…" when cut, never cutting a surrogate pair in two. */
    public static String abbreviate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /** The index of the first character the rule refuses, or -1: one pass, no allocation. */
    static int firstRefused(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= ' ' && c < 0x7F) {
                continue;
            }
            if (refused(c)) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean refused(char c) {
        return Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
    }
}
