package org.firebreak.playbook.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.firebreak.playbook.Playbook;
import org.firebreak.playbook.PlaybookCatalog;
import org.firebreak.playbook.PlaybookKind;
import org.firebreak.shared.IncidentType;
import org.firebreak.shared.Severity;
import org.firebreak.shared.web.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The playbooks in force, read-only. */
@RestController
@RequestMapping("/api/v1/playbooks")
@Tag(name = "Playbooks")
class PlaybookController {

    private final PlaybookCatalog catalog;
    private final Clock clock;

    PlaybookController(PlaybookCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping
    List<PlaybookSummary> list() {
        LocalDate today = LocalDate.now(clock);
        return catalog.all().stream().map(p -> new PlaybookSummary(p.id(), p.version(), p.title(), p.kind(),
                p.severities(), p.incidentType(), p.owner(), p.reviewBy(), p.reviewOverdue(today),
                p.plannedSteps().size())).toList();
    }

    @GetMapping("/{id}")
    ResponseEntity<?> show(@PathVariable String id) {
        return catalog.find(id).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(notFound(id)));
    }

    private ProblemDetail notFound(String id) {
        return Problems.of(HttpStatus.NOT_FOUND, "Playbook not found", "There is no playbook '" + id + "'; known: "
                + String.join(", ", catalog.all().stream().map(Playbook::id).toList()));
    }

    record PlaybookSummary(String id, int version, String title, PlaybookKind kind, List<Severity> severities,
            @Nullable IncidentType incidentType, String owner, LocalDate reviewBy, boolean reviewOverdue, int steps) {
    }
}
