package org.firebreak.detection.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.firebreak.detection.rules.RuleEngine;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The detection rules in force and where each stands (pending, firing, clearing per subject). */
@RestController
@Tag(name = "Rules")
class RuleController {

    private final RuleEngine engine;

    RuleController(RuleEngine engine) {
        this.engine = engine;
    }

    @GetMapping("/api/v1/rules")
    @Operation(summary = "Every rule with its source, last evaluation and the subjects it holds for")
    List<RuleEngine.RuleStatus> list() {
        return engine.status();
    }
}
