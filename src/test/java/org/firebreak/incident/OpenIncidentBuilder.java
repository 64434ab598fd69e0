package org.firebreak.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.firebreak.shared.Severity;

/** Test fixture: {@code anIncident().withCriteria("funds at risk").ofType("DELEGATION_FAILURE").build()}. */
public final class OpenIncidentBuilder {

    private String title = "Delegation redemptions failing";
    private String summary = "dApps report redeemDelegations reverts";
    private Severity severity;
    private final List<String> criteria = new ArrayList<>();
    private String type;
    private final List<String> components = new ArrayList<>();
    private String commander;
    private final List<String> responders = new ArrayList<>();
    private Instant detectedAt;

    public static OpenIncidentBuilder anIncident() {
        return new OpenIncidentBuilder();
    }

    public OpenIncidentBuilder titled(String title) {
        this.title = title;
        return this;
    }

    public OpenIncidentBuilder withSeverity(Severity severity) {
        this.severity = severity;
        return this;
    }

    public OpenIncidentBuilder withCriteria(String... criteria) {
        this.criteria.addAll(List.of(criteria));
        return this;
    }

    public OpenIncidentBuilder ofType(String type) {
        this.type = type;
        return this;
    }

    public OpenIncidentBuilder affecting(String... components) {
        this.components.addAll(List.of(components));
        return this;
    }

    public OpenIncidentBuilder commandedBy(String commander) {
        this.commander = commander;
        return this;
    }

    public OpenIncidentBuilder detectedAt(Instant detectedAt) {
        this.detectedAt = detectedAt;
        return this;
    }

    public OpenIncident build() {
        return new OpenIncident(title, summary, severity, criteria, type, components, commander, responders, detectedAt);
    }
}
