package org.firebreak.review.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.firebreak.review.OverduePlaybook;
import org.firebreak.review.RunbookHygiene;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Runbook hygiene: the playbooks past their review-by date. */
@RestController
@Tag(name = "Playbooks")
class OverduePlaybookController {

    private final RunbookHygiene hygiene;

    OverduePlaybookController(RunbookHygiene hygiene) {
        this.hygiene = hygiene;
    }

    @GetMapping("/api/v1/playbooks/overdue")
    @Operation(summary = "Playbooks in force past their review-by date, longest overdue first, with their owners")
    List<OverduePlaybook> overdue() {
        return hygiene.overdue();
    }
}
