package org.firebreak.incident;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link BulkChange} did, incident by incident in the order given, with the count of each outcome.
 */
public record BulkResult(BulkAction action, int changed, int unchanged, int refused, int notFound,
        List<IncidentOutcome> incidents) {

    public enum Outcome {
        /** Moved to the action's status; the change is on its timeline. */
        CHANGED,
        /** Already where the action would take it (acknowledged: anything past TRIGGERED); nothing written. */
        UNCHANGED,
        /** The status machine (or a concurrent change) refused the move; the reason says why. Nothing written. */
        REFUSED,
        NOT_FOUND
    }

    /**
     * @param status where the incident stands afterwards; null when there is no such incident
     * @param reason why it was not changed; null when it was
     */
    public record IncidentOutcome(IncidentId id, Outcome outcome, @Nullable IncidentStatus status,
            @Nullable String reason) {

        static IncidentOutcome changed(IncidentId id, IncidentStatus status) {
            return new IncidentOutcome(id, Outcome.CHANGED, status, null);
        }

        static IncidentOutcome unchanged(IncidentId id, IncidentStatus status) {
            return new IncidentOutcome(id, Outcome.UNCHANGED, status, "already " + status);
        }

        static IncidentOutcome refused(IncidentId id, IncidentStatus status, String reason) {
            return new IncidentOutcome(id, Outcome.REFUSED, status, reason);
        }

        static IncidentOutcome notFound(IncidentId id) {
            return new IncidentOutcome(id, Outcome.NOT_FOUND, null, new IncidentNotFound(id).getMessage());
        }
    }

    static BulkResult of(BulkAction action, List<IncidentOutcome> incidents) {
        return new BulkResult(action, count(incidents, Outcome.CHANGED), count(incidents, Outcome.UNCHANGED),
                count(incidents, Outcome.REFUSED), count(incidents, Outcome.NOT_FOUND), List.copyOf(incidents));
    }

    private static int count(List<IncidentOutcome> incidents, Outcome outcome) {
        return (int) incidents.stream().filter(i -> i.outcome() == outcome).count();
    }

    /** {@code 3 changed, 1 unchanged, 1 refused, 0 not found}. */
    public String counts() {
        return changed + " changed, " + unchanged + " unchanged, " + refused + " refused, " + notFound + " not found";
    }
}
