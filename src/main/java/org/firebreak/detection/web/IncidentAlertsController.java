package org.firebreak.detection.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.firebreak.detection.AlertApi;
import org.firebreak.detection.IncidentAlerts;
import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.InvalidIncidentInput;
import org.firebreak.shared.web.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The alerts behind an incident, by group, and splitting a group out of a storm incident. */
@RestController
@Tag(name = "External alerts")
class IncidentAlertsController {

    private final AlertApi alerts;
    private final IncidentApi incidents;

    IncidentAlertsController(AlertApi alerts, IncidentApi incidents) {
        this.alerts = alerts;
        this.incidents = incidents;
    }

    @GetMapping("/api/v1/incidents/{id}/alerts")
    @Operation(summary = "The incident's alerts: its groups (with counts, first and last seen) and the alerts themselves")
    IncidentAlerts alerts(@PathVariable String id) {
        IncidentId incident = id(id);
        incidents.get(incident);
        return alerts.ofIncident(incident);
    }

    @PostMapping("/api/v1/incidents/{id}/alert-groups/{group}/split")
    @Operation(summary = "Split a group a storm incident took in out into an incident of its own (opened and paged as "
            + "it would have been without the storm)")
    ResponseEntity<SplitAnswer> split(@PathVariable String id, @PathVariable long group, Actor actor) {
        IncidentId created = alerts.split(id(id), group, actor.name());
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + created)).body(new SplitAnswer(created.toString()));
    }

    record SplitAnswer(String incident) {
    }

    private static IncidentId id(String text) {
        try {
            return IncidentId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidIncidentInput("id", e.getMessage());
        }
    }
}
