package org.firebreak.chain.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.firebreak.chain.ChainProfile;
import org.firebreak.chain.Diagnostics;
import org.firebreak.chain.Diagnostics.DiagnosticInfo;
import org.firebreak.chain.Finding;
import org.firebreak.shared.web.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only diagnostics against the chain, on demand. */
@RestController
@RequestMapping("/api/v1/diagnostics")
@Tag(name = "Diagnostics")
class DiagnosticsController {

    private final Diagnostics diagnostics;

    DiagnosticsController(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    @GetMapping
    List<DiagnosticInfo> list() {
        return diagnostics.list();
    }

    @GetMapping("/{name}")
    @Operation(summary = "Run one diagnostic; permissions and expiry take ?delegation=<name or hash>")
    ResponseEntity<?> run(@PathVariable String name, @RequestParam(required = false) @Nullable String delegation) {
        Map<String, String> options = delegation == null ? Map.of() : Map.of("delegation", delegation);
        return diagnostics.run(name, options).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND,
                        "Diagnostic not found", "There is no diagnostic '" + name + "'; known: " + String.join(", ",
                                diagnostics.list().stream().map(DiagnosticInfo::name).toList()))));
    }

    @PostMapping("/permissions")
    @Operation(summary = "Check permissions of a delegation given as JSON (the DelegationManager's Delegation struct)")
    Finding permissions(@RequestBody ChainProfile.WatchedDelegation delegation) {
        return diagnostics.checkPermissions(delegation);
    }

    /** All diagnostics at once, worst first. */
    @GetMapping(params = "run=all")
    List<Finding> runAll() {
        return diagnostics.runAll().stream().sorted((a, b) -> b.status().compareTo(a.status())).toList();
    }
}
