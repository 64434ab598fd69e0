package org.firebreak.incident;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Acknowledge or resolve a selection of incidents at once, each as if changed alone.
 *
 * @param incidents each once, in the order given
 * @param note goes on each changed incident's timeline with the change
 */
public record BulkChange(BulkAction action, List<IncidentId> incidents, @Nullable String note) {

    /** As many incidents as one request may name: a storm's worth, in one answer that stays readable. */
    public static final int MAX_INCIDENTS = 500;
    public static final int MAX_NOTE = 2000;

    public BulkChange {
        incidents = List.copyOf(incidents);
    }

    /**
     * Reads a selection as people and clients send it; refuses, naming the field (e.g. {@code incidents[3]}), an
     * empty or oversized selection, an id that is not one, or an overlong note. An id given twice counts once.
     */
    public static BulkChange of(BulkAction action, @Nullable List<@Nullable String> ids, @Nullable String note) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidIncidentInput("incidents", "is empty: select at least one incident");
        }
        if (ids.size() > MAX_INCIDENTS) {
            throw new InvalidIncidentInput("incidents", ids.size() + " incidents; at most " + MAX_INCIDENTS
                    + " at once");
        }
        Set<IncidentId> selected = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || id.isBlank()) {
                throw new InvalidIncidentInput("incidents[" + i + "]", "is empty: give an incident id such as INC-7");
            }
            try {
                selected.add(IncidentId.parse(id));
            } catch (IllegalArgumentException e) {
                throw new InvalidIncidentInput("incidents[" + i + "]", e.getMessage());
            }
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw new InvalidIncidentInput("note", "is " + note.length() + " characters; at most " + MAX_NOTE);
        }
        return new BulkChange(action, List.copyOf(selected), note == null || note.isBlank() ? null : note.strip());
    }
}
