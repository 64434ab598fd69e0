package org.firebreak.chain;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.firebreak.shared.InvalidConfiguration;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The diagnostics behind the plan's "Check …" steps, run on demand (API, CLI) or by playbook steps. */
@Service
public class Diagnostics {

    /** How often to poll when there is no chain profile to say (chain 138 makes a block every 2 s). */
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

    private final List<ChainDiagnostic> diagnostics;
    private final ChainProfiles profiles;

    /**
     * Every diagnostic's name, known without a running server (what {@code firebreak check --config-dir} checks rule
     * files against); the diagnostics themselves must match it, or Firebreak does not start.
     */
    public static final List<String> NAMES = List.of("account-factory", "account-outflows", "delegated-accounts",
            "delegation-framework", "entrypoint", "expiry", "gas-prices", "network-status", "permissions",
            "recent-changes", "rpc-performance", "rpc-status", "shared-delegate");

    Diagnostics(List<ChainDiagnostic> diagnostics, ChainProfiles profiles) {
        this.diagnostics = diagnostics.stream().sorted(Comparator.comparing(ChainDiagnostic::name)).toList();
        this.profiles = profiles;
        List<String> names = this.diagnostics.stream().map(ChainDiagnostic::name).toList();
        if (!names.equals(NAMES)) {
            throw new IllegalStateException("Diagnostics.NAMES " + NAMES + " differs from the diagnostics " + names);
        }
    }

    /**
     * How often a watcher should run diagnostics against the chain in force: once per block time, since the state
     * they read changes with blocks, and a round of all of them (about 27 calls) every 2 s stays well inside chain
     * 138's public limit of 1,200 requests a minute. An invalid or missing profile falls back to 2 s.
     */
    public Duration pollInterval() {
        try {
            return profiles.current().map(ChainProfile::blockTime).orElse(DEFAULT_POLL_INTERVAL);
        } catch (RuntimeException e) {
            return DEFAULT_POLL_INTERVAL;
        }
    }

    /**
     * What "Pause system" would switch and who signs, read from the profile in force, so that a person confirming the
     * action sees exactly which contracts and which guardian; empty when no valid profile is in force.
     *
     * @param guardian the guardian's address, or null when the profile configures none (the action then refuses)
     */
    public record PauseScope(List<ChainProfile.ContractRef> contracts, @Nullable String guardian) {
    }

    public Optional<PauseScope> pauseScope() {
        try {
            return profiles.current().map(p -> new PauseScope(p.contracts().pausable(),
                    p.guardian() == null ? null : p.guardian().address()));
        } catch (InvalidConfiguration e) {
            return Optional.empty();
        }
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
