package org.firebreak.detection.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.firebreak.detection.MonitorApi;
import org.firebreak.detection.RuleStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The detection rules in force and where each stands (pending, firing, clearing per subject). */
@RestController
@Tag(name = "Rules")
class RuleController {

    private final MonitorApi monitors;

    RuleController(MonitorApi monitors) {
        this.monitors = monitors;
    }

    @GetMapping("/api/v1/rules")
    @Operation(summary = "Every rule with its source, last evaluation and the subjects it holds for")
    List<RuleStatus> list() {
        return monitors.rules();
    }
}
