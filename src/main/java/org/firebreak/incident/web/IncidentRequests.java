package org.firebreak.incident.web;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.firebreak.incident.BulkAction;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.shared.Severity;
import org.jspecify.annotations.Nullable;

/** Request bodies of the incident API; each validates itself and names the field at fault. */
final class IncidentRequests {

    private IncidentRequests() {
    }

    record Acknowledge(@Size(max = 2000) @Nullable String note) {
    }

    record ChangeStatus(@NotNull IncidentStatus status, @Size(max = 2000) @Nullable String note) {
    }

    /** Ids and the note are read by {@link org.firebreak.incident.BulkChange#of}, which names the field at fault. */
    record ChangeSelection(@NotNull BulkAction action, @Nullable List<@Nullable String> incidents,
            @Nullable String note) {
    }

    record ChangeSeverity(@NotNull Severity severity, @Size(max = 2000) @Nullable String reason) {
    }

    record AssignCommander(@NotBlank @Size(max = 100) String commander) {
    }

    record Responder(@NotBlank @Size(max = 100) String name) {
    }

    record Component(@NotBlank @Size(max = 64) String name) {
    }

    record Note(@NotBlank @Size(max = 4000) String text) {
    }

    record CompleteStep(@Size(max = 2000) @Nullable String note) {
    }

    /** Actions change the world; the caller says so explicitly. */
    record RunAction(@Nullable Boolean confirm) {
    }

    record SkipStep(@NotBlank @Size(max = 2000) String reason) {
    }
}
