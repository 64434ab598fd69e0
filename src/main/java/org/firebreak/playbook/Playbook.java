package org.firebreak.playbook;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.firebreak.shared.ConfigProblem;
import org.firebreak.shared.IncidentType;
import org.firebreak.shared.Severity;
import org.jspecify.annotations.Nullable;

/**
 * A versioned, owned playbook. A response procedure names the severities it serves; a common-incident
 * playbook names its incident type and the symptoms that identify it.
 */
public record Playbook(
        String id,
        int version,
        String title,
        PlaybookKind kind,
        List<Severity> severities,
        @Nullable IncidentType incidentType,
        String owner,
        LocalDate reviewBy,
        String source,
        List<String> symptoms,
        List<PlaybookSection> sections) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,63}");

    public Playbook {
        ConfigProblem.required("id", id);
        if (!ID.matcher(id).matches()) {
            throw new ConfigProblem("id", "must be lower-kebab-case, 2 to 64 characters, got '" + id + "'");
        }
        if (version < 1) {
            throw new ConfigProblem("version", "must be 1 or more");
        }
        ConfigProblem.required("title", title);
        ConfigProblem.required("kind", kind);
        ConfigProblem.required("owner", owner);
        ConfigProblem.required("reviewBy", reviewBy);
        severities = severities == null ? List.of() : List.copyOf(severities);
        symptoms = symptoms == null ? List.of() : List.copyOf(symptoms);
        source = source == null ? "" : source;
        if (kind == PlaybookKind.RESPONSE_PROCEDURE) {
            if (severities.isEmpty()) {
                throw new ConfigProblem("severities", "a RESPONSE_PROCEDURE must name the severities it serves");
            }
            if (incidentType != null) {
                throw new ConfigProblem("incidentType", "belongs to COMMON_INCIDENT playbooks, not to a RESPONSE_PROCEDURE");
            }
        } else {
            ConfigProblem.required("incidentType", incidentType);
            if (!severities.isEmpty()) {
                throw new ConfigProblem("severities", "belongs to RESPONSE_PROCEDURE playbooks, not to a COMMON_INCIDENT");
            }
        }
        if (sections == null || sections.isEmpty()) {
            throw new ConfigProblem("sections", "a playbook needs at least one section with steps");
        }
        sections = List.copyOf(sections);
        Set<String> seen = new HashSet<>();
        for (PlaybookSection section : sections) {
            for (PlaybookStep step : section.steps()) {
                if (!seen.add(step.id())) {
                    throw new ConfigProblem("sections", "step id '" + step.id() + "' appears twice");
                }
            }
        }
    }

    /** The steps in the playbook's order, each with its section. */
    public List<PlannedStep> plannedSteps() {
        return sections.stream()
                .flatMap(section -> section.steps().stream().map(step -> new PlannedStep(id, version, section.name(), step)))
                .toList();
    }

    /** True when the review-by date has passed on {@code today}. */
    public boolean reviewOverdue(LocalDate today) {
        return reviewBy.isBefore(today);
    }
}
