package org.firebreak.shared;

import java.util.List;

import tools.jackson.core.JacksonException;

/** Renders where in a document Jackson failed, as {@code steps[2].automation}. */
public final class FieldPath {

    private FieldPath() {
    }

    public static String of(JacksonException e) {
        return of(e.getPath());
    }

    static String of(List<JacksonException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference ref : references) {
            if (ref.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
