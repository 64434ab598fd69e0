package org.firebreak.comms.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.firebreak.comms.PostStatusUpdate;
import org.firebreak.comms.StatusUpdateView;
import org.firebreak.comms.StatusUpdates;
import org.firebreak.incident.IncidentId;
import org.firebreak.shared.web.Actor;
import org.firebreak.shared.web.InvalidRequestField;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Status updates of an incident: post one (text, status, visibility), list them. */
@RestController
@RequestMapping("/api/v1/incidents/{id}/updates")
@Tag(name = "Status updates")
class StatusUpdateController {

    private final StatusUpdates updates;

    StatusUpdateController(StatusUpdates updates) {
        this.updates = updates;
    }

    @PostMapping
    @Operation(summary = "Post a status update: status investigating|identified|monitoring|resolved, visibility "
            + "internal (default) or public (shown on the status page); it goes to the timeline and the stakeholders")
    ResponseEntity<StatusUpdateView> post(@PathVariable String id, @Valid @RequestBody PostStatusUpdate body,
            Actor actor) {
        StatusUpdateView posted = updates.post(parse(id), body, actor.name());
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + posted.incident() + "/updates")).body(posted);
    }

    @GetMapping
    @Operation(summary = "The incident's status updates, internal and public, oldest first")
    List<StatusUpdateView> list(@PathVariable String id) {
        return updates.list(parse(id));
    }

    private static IncidentId parse(String id) {
        try {
            return IncidentId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestField("id", e.getMessage());
        }
    }
}
