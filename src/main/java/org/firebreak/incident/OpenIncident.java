package org.firebreak.incident;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.firebreak.shared.Severity;
import org.jspecify.annotations.Nullable;

/**
 * Opens an incident. Give the plan's criteria (e.g. "funds at risk") and Firebreak classifies the severity;
 * give an explicit severity and it is kept, with any mismatch against the criteria noted on the timeline.
 *
 * @param type an incident type with a playbook (e.g. DELEGATION_FAILURE) or UNCLASSIFIED (the default)
 * @param detectedAt when the trouble was first seen, if earlier than now
 */
public record OpenIncident(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) @Nullable String summary,
        @Nullable Severity severity,
        @Size(max = 12) @Nullable List<@NotBlank @Size(max = 100) String> criteria,
        @Size(max = 64) @Nullable String type,
        @Size(max = 20) @Nullable List<@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ._/-]*") String> components,
        @Size(max = 100) @Nullable String commander,
        @Size(max = 50) @Nullable List<@NotBlank @Size(max = 100) String> responders,
        @Nullable Instant detectedAt) {

    public List<String> criteriaOrEmpty() {
        return criteria == null ? List.of() : criteria;
    }

    public List<String> componentsOrEmpty() {
        return components == null ? List.of() : components;
    }

    public List<String> respondersOrEmpty() {
        return responders == null ? List.of() : responders;
    }
}
