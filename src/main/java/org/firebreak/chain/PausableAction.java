package org.firebreak.chain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.firebreak.playbook.StepExecutor;
import org.firebreak.playbook.StepOutcome;
import org.firebreak.shared.InvalidConfiguration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.firebreak.chain.ContractSwitch.Direction;

/**
 * Pause or unpause every contract of the profile's {@code contracts.pausable}, signed by the guardian. Shared by
 * {@link PauseAction} and {@link UnpauseAction}, which say only which way. A contract already in the wanted state
 * costs nothing; one that cannot be switched (not pausable, guardian not the owner, no signer, preflight revert)
 * is recorded with exactly why and nothing is sent for it. The outcome is OK only when every contract ends in the
 * wanted state, verified on chain at the receipt's block.
 */
abstract class PausableAction implements StepExecutor {

    /** How long to wait for the receipts once sent. */
    static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(30);
    /** The whole run, waiting for another guardian action included, stays under the HTTP client's minute. */
    static final Duration TURN_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(PausableAction.class);

    private final Direction way;
    private final ChainProfiles profiles;
    private final ContractSwitch contractSwitch;
    private final GuardianTransactions transactions;
    private final Clock clock;

    PausableAction(Direction way, ChainProfiles profiles, ContractSwitch contractSwitch,
            GuardianTransactions transactions, Clock clock) {
        this.way = way;
        this.profiles = profiles;
        this.contractSwitch = contractSwitch;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public StepOutcome run(StepRun run) {
        Instant started = clock.instant();
        StepOutcome outcome = outcome(started);
        log.info("{} {} by {}: {} - {}", run.incidentId(), automation(), run.actor(), outcome.result(),
                outcome.summary());
        return outcome;
    }

    private StepOutcome outcome(Instant started) {
        ChainProfile profile;
        try {
            Optional<ChainProfile> current = profiles.current();
            if (current.isEmpty()) {
                return failed("No chain profile: " + profiles.describe() + ", no transaction sent");
            }
            profile = current.get();
        } catch (InvalidConfiguration e) {
            return failed("The chain profile is invalid: " + e.getMessage() + ", no transaction sent");
        }
        if (profile.contracts().pausable().isEmpty()) {
            return failed("contracts.pausable of the chain profile is empty: nothing to " + way.function.getName()
                    + ", no transaction sent");
        }
        List<PauseTarget> targets = profile.contracts().pausable().stream().map(PauseTarget::new).toList();
        try (EndpointsUsed used = EndpointsUsed.open()) {
            StepOutcome refused = switchAll(profile, targets);
            return refused != null ? refused : summarise(profile, targets, used, Duration.between(started, clock.instant()));
        }
    }

    /**
     * Reads, preflight, sends and verifies; whatever stops the run settles the contracts still open with why. Null, or
     * the refusal when another guardian action holds the turn.
     */
    private @Nullable StepOutcome switchAll(ChainProfile profile, List<PauseTarget> targets) {
        try {
            if (!transactions.takeTurn(TURN_TIMEOUT)) {
                return failed("Another guardian action is still running in this Firebreak, no transaction sent: "
                        + "run this again when it is done");
            }
            try {
                contractSwitch.run(profile, targets, way, RECEIPT_TIMEOUT);
            } finally {
                transactions.endTurn();
            }
        } catch (ChainUnreachable e) {
            targets.forEach(t -> t.abandon("chain unreachable (" + e.getMessage() + ")", way.call()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            targets.forEach(t -> t.abandon("interrupted", way.call()));
        } catch (RuntimeException e) {
            // An answer that makes no sense (an RPC error where a value belongs): recorded, never thrown at the API.
            targets.forEach(t -> t.abandon("the chain's answer could not be read (" + e.getMessage() + ")", way.call()));
        }
        return null;
    }

    private StepOutcome summarise(ChainProfile profile, List<PauseTarget> targets, EndpointsUsed used,
            Duration elapsed) {
        boolean allEnded = targets.stream().allMatch(PauseTarget::ended);
        List<String> lines = targets.stream().map(PauseTarget::line).map(String::valueOf).toList();
        List<String> hashes = targets.stream().map(PauseTarget::txHash).filter(h -> h != null).map(String::valueOf)
                .toList();
        Map<String, String> evidence = new LinkedHashMap<>();
        if (used.any()) {
            evidence.put("endpoint", used.names());
        }
        if (!hashes.isEmpty()) {
            evidence.put("txHash", String.join(", ", hashes));
        }
        evidence.put("guardian", profile.guardian() == null ? "none" : profile.guardian().address());
        evidence.put("elapsedMs", Long.toString(elapsed.toMillis()));
        targets.forEach(t -> evidence.putAll(t.evidence()));
        return new StepOutcome(allEnded ? StepOutcome.Result.OK : StepOutcome.Result.FAIL, String.join("; ", lines),
                evidence);
    }

    private static StepOutcome failed(String summary) {
        return new StepOutcome(StepOutcome.Result.FAIL, summary, Map.of());
    }
}
