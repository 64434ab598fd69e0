package org.firebreak.incident.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.firebreak.incident.BulkChange;
import org.firebreak.incident.BulkResult;
import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentFilter;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentPage;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.incident.IncidentView;
import org.firebreak.incident.InvalidIncidentInput;
import org.firebreak.incident.OpenIncident;
import org.firebreak.incident.StepView;
import org.firebreak.incident.TimelineEntry;
import org.firebreak.incident.web.IncidentRequests.Acknowledge;
import org.firebreak.incident.web.IncidentRequests.AssignCommander;
import org.firebreak.incident.web.IncidentRequests.ChangeSelection;
import org.firebreak.incident.web.IncidentRequests.ChangeSeverity;
import org.firebreak.incident.web.IncidentRequests.ChangeStatus;
import org.firebreak.incident.web.IncidentRequests.CompleteStep;
import org.firebreak.incident.web.IncidentRequests.Component;
import org.firebreak.incident.web.IncidentRequests.Note;
import org.firebreak.incident.web.IncidentRequests.Responder;
import org.firebreak.incident.web.IncidentRequests.RunAction;
import org.firebreak.incident.web.IncidentRequests.SkipStep;
import org.firebreak.shared.IncidentType;
import org.firebreak.shared.Severity;
import org.firebreak.shared.web.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The incident API: open, list, show, change (one incident, or a selection at once), and work the checklist. The
 * timeline is read-only here.
 */
@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "Incidents")
class IncidentController {

    private final IncidentApi incidents;

    IncidentController(IncidentApi incidents) {
        this.incidents = incidents;
    }

    @PostMapping
    @Operation(summary = "Open an incident; severity comes from the plan's criteria unless given")
    ResponseEntity<IncidentView> open(@Valid @RequestBody OpenIncident command, Actor actor) {
        IncidentView view = incidents.open(command, actor.name());
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + view.id())).body(view);
    }

    @GetMapping
    @Operation(summary = "List incidents, newest first; open=true keeps those not yet resolved, open=false the resolved "
            + "and closed ones, q text the title contains (any case)")
    IncidentPage list(@RequestParam(required = false) @Nullable IncidentStatus status,
            @RequestParam(required = false) @Nullable Severity severity,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable Boolean open,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return incidents.list(new IncidentFilter(status, severity, type(type), open, q), page, size);
    }

    @GetMapping("/{id}")
    IncidentView show(@PathVariable String id) {
        return incidents.get(id(id));
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Move the incident along TRIGGERED → ACKNOWLEDGED → INVESTIGATING → MITIGATED → RESOLVED → CLOSED")
    IncidentView changeStatus(@PathVariable String id, @Valid @RequestBody ChangeStatus body, Actor actor) {
        return incidents.changeStatus(id(id), body.status(), body.note(), actor.name());
    }

    @PostMapping("/{id}/acknowledge")
    @Operation(summary = "Acknowledge a TRIGGERED incident (a responder may; other status changes need a commander); "
            + "paging stops")
    IncidentView acknowledge(@PathVariable String id, @Valid @RequestBody(required = false) @Nullable Acknowledge body,
            Actor actor) {
        return incidents.changeStatus(id(id), IncidentStatus.ACKNOWLEDGED, body == null ? null : body.note(),
                actor.name());
    }

    @PostMapping("/bulk")
    @Operation(summary = "Acknowledge or resolve a selection of incidents (at most 500), each as if changed alone; "
            + "the answer says per incident CHANGED, UNCHANGED (already there), REFUSED (with the reason) or NOT_FOUND. "
            + "ACKNOWLEDGE needs a responder, RESOLVE a commander")
    BulkResult changeSelection(@Valid @RequestBody ChangeSelection body, Actor actor) {
        body.action().permit(actor);
        return incidents.changeStatus(BulkChange.of(body.action(), body.incidents(), body.note()), actor.name());
    }

    @PostMapping("/{id}/severity")
    @Operation(summary = "Change severity; the checklist gains the new severity's procedure steps")
    IncidentView changeSeverity(@PathVariable String id, @Valid @RequestBody ChangeSeverity body, Actor actor) {
        return incidents.changeSeverity(id(id), body.severity(), body.reason(), actor.name());
    }

    @PutMapping("/{id}/commander")
    IncidentView assignCommander(@PathVariable String id, @Valid @RequestBody AssignCommander body, Actor actor) {
        return incidents.assignCommander(id(id), body.commander(), actor.name());
    }

    @PostMapping("/{id}/responders")
    IncidentView addResponder(@PathVariable String id, @Valid @RequestBody Responder body, Actor actor) {
        return incidents.addResponder(id(id), body.name(), actor.name());
    }

    @DeleteMapping("/{id}/responders/{name}")
    IncidentView removeResponder(@PathVariable String id, @PathVariable String name, Actor actor) {
        return incidents.removeResponder(id(id), name, actor.name());
    }

    @PostMapping("/{id}/components")
    IncidentView addComponent(@PathVariable String id, @Valid @RequestBody Component body, Actor actor) {
        return incidents.addComponent(id(id), body.name(), actor.name());
    }

    @DeleteMapping("/{id}/components/{name}")
    IncidentView removeComponent(@PathVariable String id, @PathVariable String name, Actor actor) {
        return incidents.removeComponent(id(id), name, actor.name());
    }

    @PostMapping("/{id}/notes")
    @Operation(summary = "Add a free note to the timeline")
    IncidentView addNote(@PathVariable String id, @Valid @RequestBody Note body, Actor actor) {
        return incidents.addNote(id(id), body.text(), actor.name());
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "The append-only timeline, oldest first")
    List<TimelineEntry> timeline(@PathVariable String id) {
        return incidents.timeline(id(id));
    }

    @GetMapping("/{id}/checklist")
    List<StepView> checklist(@PathVariable String id) {
        return incidents.get(id(id)).checklist();
    }

    @PostMapping("/{id}/checklist/{step}/complete")
    IncidentView completeStep(@PathVariable String id, @PathVariable int step,
            @Valid @RequestBody(required = false) @Nullable CompleteStep body, Actor actor) {
        return incidents.completeStep(id(id), step, body == null ? null : body.note(), actor.name());
    }

    @PostMapping("/{id}/checklist/{step}/skip")
    @Operation(summary = "Skip a step; a reason is required")
    IncidentView skipStep(@PathVariable String id, @PathVariable int step, @Valid @RequestBody SkipStep body,
            Actor actor) {
        return incidents.skipStep(id(id), step, body.reason(), actor.name());
    }

    @PostMapping("/{id}/checklist/{step}/run")
    @Operation(summary = "Run an automated step's diagnostic or action and attach its outcome; actions need "
            + "{\"confirm\": true} and the incident commander")
    IncidentView runStep(@PathVariable String id, @PathVariable int step,
            @Valid @RequestBody(required = false) @Nullable RunAction body, Actor actor) {
        return incidents.runStep(id(id), step, actor.name(), body != null && Boolean.TRUE.equals(body.confirm()));
    }

    @PostMapping("/{id}/actions/{action}")
    @Operation(summary = "Run an installed action outside the checklist, e.g. unpause-contracts during recovery")
    IncidentView runAction(@PathVariable String id, @PathVariable String action,
            @Valid @RequestBody(required = false) @Nullable RunAction body, Actor actor) {
        return incidents.runAction(id(id), action, actor.name(), body != null && Boolean.TRUE.equals(body.confirm()));
    }

    private static IncidentId id(String text) {
        try {
            return IncidentId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidIncidentInput("id", e.getMessage());
        }
    }

    private static @Nullable IncidentType type(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new IncidentType(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidIncidentInput("type", e.getMessage());
        }
    }
}
