package org.firebreak.oncall.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.firebreak.incident.IncidentId;
import org.firebreak.oncall.EscalationApi;
import org.firebreak.oncall.EscalationView;
import org.firebreak.oncall.InvalidOnCallInput;
import org.firebreak.shared.web.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An incident's escalation: where it stands, and escalating by hand. */
@RestController
@RequestMapping("/api/v1/incidents/{id}")
@Tag(name = "Escalation")
class EscalationController {

    private final EscalationApi escalations;

    EscalationController(EscalationApi escalations) {
        this.escalations = escalations;
    }

    @GetMapping("/escalation")
    @Operation(summary = "The escalation: policy snapshot, state, last level paged, pending timer, pages sent")
    EscalationView escalation(@PathVariable String id) {
        return escalations.escalation(id(id));
    }

    @PostMapping("/escalate")
    @Operation(summary = "Page the next level now, with a reason")
    EscalationView escalate(@PathVariable String id, @Valid @RequestBody Escalate request, Actor actor) {
        return escalations.escalate(id(id), request.reason(), actor.name());
    }

    record Escalate(@NotBlank @Size(max = 1000) String reason) {
    }

    private static IncidentId id(String text) {
        try {
            return IncidentId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidOnCallInput("id", e.getMessage());
        }
    }
}
