package org.firebreak.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.firebreak.chain.BlockLookupFailed;
import org.firebreak.chain.BlockRange;
import org.firebreak.chain.ChainBlocks;
import org.firebreak.chain.ChainEvents;
import org.firebreak.chain.FollowerPosition;
import org.firebreak.incident.IncidentView;
import org.firebreak.review.ImpactAssessment.ChainImpact;
import org.firebreak.review.ImpactAssessment.Phase;
import org.firebreak.review.ImpactAssessment.Window;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Computes an incident's impact from what was recorded, never from what someone types: the incident's own instants
 * for the phases, and the block follower's events of the blocks in the incident's window for the chain. The window's
 * block range is read from the node, so the figures can be re-checked against it.
 */
@Component
class ImpactCalculator {

    static final int LISTED_ACCOUNTS = 100;

    private final ChainBlocks blocks;
    private final ChainEvents events;
    private final ReviewSettings settings;
    private final Clock clock;

    ImpactCalculator(ChainBlocks blocks, ChainEvents events, ReviewSettings settings, Clock clock) {
        this.blocks = blocks;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    ImpactAssessment assess(IncidentView incident) {
        Instant now = clock.instant();
        Instant end = incident.resolvedAt() != null ? incident.resolvedAt() : now;
        Window window = new Window(incident.detectedAt().minus(settings.impactMargin()),
                end.plus(settings.impactMargin()), settings.impactMargin(), incident.resolvedAt() == null);
        ChainImpact chain = null;
        String note = null;
        try {
            Optional<BlockRange> range = blocks.between(window.from(), window.to());
            if (range.isPresent()) {
                chain = chain(range.get());
                if (!chain.complete()) {
                    note = "the block follower has reached block " + (chain.followedTo() == null ? "-" : chain.followedTo())
                            + " of " + chain.lastBlock() + ": later events are not counted yet";
                }
            } else {
                note = "no block's time lies in the window " + window.from() + " to " + window.to();
            }
        } catch (BlockLookupFailed e) {
            note = "the chain could not be read: " + e.getMessage();
        }
        return new ImpactAssessment(now, incident.severity(), incident.type(), incident.components(), phases(incident, now),
                between(incident.detectedAt(), incident.acknowledgedAt()),
                between(incident.detectedAt(), incident.mitigatedAt()), incident.timeToResolve(), window, chain, note);
    }

    private ChainImpact chain(BlockRange range) {
        ChainImpactTally tally = ChainImpactTally.of(events.inBlocks(range.first().number(), range.last().number()));
        Long followedTo = events.position().map(FollowerPosition::block).orElse(null);
        boolean complete = followedTo != null && followedTo >= range.last().number();
        return new ChainImpact(range.first().number(), range.first().time(), range.last().number(), range.last().time(),
                followedTo, complete, tally.userOperations, tally.failedOperations, tally.reasonCounts(),
                tally.affectedAccounts.size(), tally.affectedAccounts.stream().limit(LISTED_ACCOUNTS).toList(),
                tally.accountsDeployed, tally.failedAccountCreations, tally.delegationRedemptions,
                tally.failedDelegationRedemptions, tally.gasUsed, tally.gasCost, tally.byEntryPoint());
    }

    /** Detect → acknowledge → mitigate → resolve, each as far as the incident got; an open phase runs to now. */
    static List<Phase> phases(IncidentView incident, Instant now) {
        List<Phase> phases = new ArrayList<>();
        Instant[] marks = { incident.detectedAt(), incident.acknowledgedAt(), incident.mitigatedAt(), incident.resolvedAt() };
        String[] names = { "Detect → acknowledge", "Acknowledge → mitigate", "Mitigate → resolve" };
        for (int i = 0; i < names.length; i++) {
            Instant from = marks[i];
            if (from == null) {
                break;
            }
            Instant to = marks[i + 1];
            phases.add(new Phase(names[i], from, to, Duration.between(from, to == null ? now : to)));
            if (to == null) {
                break;
            }
        }
        return phases;
    }

    private static @Nullable Duration between(Instant from, @Nullable Instant to) {
        return to == null ? null : Duration.between(from, to);
    }
}
