package org.firebreak.chain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** The diagnostics behind the plan's "Check …" steps, run on demand (API, CLI) or by playbook steps. */
@Service
public class Diagnostics {

    private final List<ChainDiagnostic> diagnostics;

    Diagnostics(List<ChainDiagnostic> diagnostics) {
        this.diagnostics = diagnostics.stream().sorted(Comparator.comparing(ChainDiagnostic::name)).toList();
    }

    /** A diagnostic's name, the playbook automation id that runs it, and what it checks. */
    public record DiagnosticInfo(String name, String automation, String description) {
    }

    public List<DiagnosticInfo> list() {
        return diagnostics.stream().map(d -> new DiagnosticInfo(d.name(), d.automation(), d.description())).toList();
    }

    /**
     * Runs one diagnostic.
     *
     * @param options diagnostic-specific, e.g. {@code delegation} (a name or hash) for {@code permissions}
     */
    public Optional<Finding> run(String name, Map<String, String> options) {
        return diagnostics.stream().filter(d -> d.name().equals(name)).findFirst().map(d -> d.run(options));
    }

    /** "Check permissions" for a delegation given whole rather than watched in the chain profile. */
    public Finding checkPermissions(ChainProfile.WatchedDelegation delegation) {
        return diagnostics.stream().filter(PermissionsDiagnostic.class::isInstance).map(PermissionsDiagnostic.class::cast)
                .findFirst().orElseThrow().runFor(delegation);
    }

    public List<Finding> runAll() {
        return diagnostics.stream().map(d -> d.run(Map.of())).toList();
    }
}
