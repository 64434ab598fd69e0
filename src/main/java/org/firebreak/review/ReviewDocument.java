package org.firebreak.review;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.firebreak.incident.IncidentView;
import org.firebreak.review.ImpactAssessment.ChainImpact;
import org.firebreak.review.ImpactAssessment.Phase;
import org.firebreak.shared.TimeText;
import org.jspecify.annotations.Nullable;

/**
 * A review as a document: every figure already worded, so the review page, the PDF (rendered from that page) and
 * the Markdown export say the same things in the same words.
 */
record ReviewDocument(
        String title,
        String incidentId,
        String status,
        List<Fact> facts,
        List<Bar> phases,
        String rcaSummary,
        List<String> contributingFactors,
        List<Why> fiveWhys,
        List<Fact> impact,
        List<Fact> chainImpact,
        List<String> revertReasons,
        List<String> affectedAccounts,
        @Nullable String chainNote,
        String impactNotes,
        List<String> wentWell,
        List<String> wentBadly,
        List<String> lucky,
        List<Item> actionItems,
        List<Fact> documentation,
        List<Entry> timeline) {

    record Fact(String label, String value) {
    }

    /** One phase of the chart: its share of the whole span in percent (at least a sliver when it lasted at all). */
    record Bar(String name, String from, String to, String duration, double percent, String css) {
    }

    record Item(String id, String title, String owner, String due, String priority, String status, boolean overdue) {
    }

    record Entry(String seq, String at, String actor, String kind, String text, boolean key, @Nullable String context) {
    }

    static ReviewDocument of(ReviewView r) {
        IncidentView i = r.incident();
        ImpactAssessment impact = r.impact();
        List<Fact> facts = List.of(new Fact("Severity", i.severity().name()), new Fact("Type", i.type().name()),
                new Fact("Incident status", i.status().name()), new Fact("Commander", or(i.commander())),
                new Fact("Responders", join(i.responders())), new Fact("Components", join(i.components())),
                new Fact("Detected", time(i.detectedAt())), new Fact("Acknowledged", time(i.acknowledgedAt())),
                new Fact("Mitigated", time(i.mitigatedAt())), new Fact("Resolved", time(i.resolvedAt())),
                new Fact("Review", r.status().name() + " by " + r.author()
                        + (r.publishedAt() == null ? "" : ", published " + time(r.publishedAt()) + " by " + r.publishedBy())));
        List<Fact> figures = new ArrayList<>();
        figures.add(new Fact("Time to acknowledge", TimeText.durationOrDash(impact.timeToAcknowledge())));
        figures.add(new Fact("Time to mitigate", TimeText.durationOrDash(impact.timeToMitigate())));
        figures.add(new Fact("Time to resolve", TimeText.durationOrDash(impact.timeToResolve())));
        figures.add(new Fact("Chain window", time(impact.window().from()) + " to " + time(impact.window().to())
                + " (incident ± " + TimeText.durationOrDash(impact.window().margin()) + (impact.window().ongoing() ? ", ongoing" : "") + ")"));
        ChainImpact c = impact.chain();
        List<Fact> chain = c == null ? List.of() : List.of(
                new Fact("Block range", c.firstBlock() + " to " + c.lastBlock() + " (" + time(c.firstBlockTime()) + " to "
                        + time(c.lastBlockTime()) + ")"),
                new Fact("User operations", Long.toString(c.userOperations())),
                new Fact("Failed user operations", Long.toString(c.failedOperations())),
                new Fact("By EntryPoint", c.byEntryPoint().isEmpty() ? "-" : String.join("; ", c.byEntryPoint().stream()
                        .map(e -> e.version() + " " + e.entryPoint() + ": " + e.failedOperations() + " of "
                                + e.userOperations() + " failed").toList())),
                new Fact("Affected accounts", Long.toString(c.affectedAccounts())),
                new Fact("Failed account creations", Long.toString(c.failedAccountCreations()) + " of "
                        + c.accountsDeployed() + " accounts created"),
                new Fact("Failed delegation redemptions", c.failedDelegationRedemptions() + " (" + c.delegationRedemptions()
                        + " succeeded)"),
                new Fact("Gas spent on failed operations", c.gasUsedByFailedOperations() + " gas, "
                        + eth(c.gasCostOfFailedOperations())));
        return new ReviewDocument("Post-incident review: " + i.id() + " " + i.title(), i.id().toString(),
                r.status().name(), facts, bars(impact.phases()), r.rootCause().summary(),
                r.rootCause().contributingFactors(), r.rootCause().fiveWhys(), figures, chain,
                c == null ? List.of() : c.revertReasons().stream().map(x -> x.reason() + ": " + x.operations()).toList(),
                c == null ? List.of() : c.affectedAccountList(), impact.chainNote(), r.impactNotes(),
                r.lessons().wentWell(), r.lessons().wentBadly(), r.lessons().lucky(),
                r.actionItems().stream().map(a -> new Item("#" + a.id(), a.title(), a.owner(), a.dueOn().toString(),
                        a.priority().name(), a.status().name(), a.overdue())).toList(),
                r.documentation().stream().map(d -> new Fact(d.document(), d.ready() ? "ready" : "needs " + d.missing()))
                        .toList(),
                r.timeline().stream().map(e -> new Entry("#" + e.seq(), time(e.at()), e.actor(), e.kind().name(), e.text(),
                        e.key(), e.context())).toList());
    }

    private static List<Bar> bars(List<Phase> phases) {
        long total = phases.stream().mapToLong(p -> p.duration().toMillis()).sum();
        String[] css = { "acknowledge", "mitigate", "resolve" };
        List<Bar> bars = new ArrayList<>();
        for (int n = 0; n < phases.size(); n++) {
            Phase p = phases.get(n);
            double percent = total == 0 ? 100.0 / phases.size() : Math.max(0.5, 100.0 * p.duration().toMillis() / total);
            bars.add(new Bar(p.name(), time(p.from()), p.to() == null ? "ongoing" : time(p.to()), TimeText.durationOrDash(p.duration()),
                    Math.round(percent * 10) / 10.0, css[n % css.length]));
        }
        return bars;
    }

    static String time(@Nullable Instant at) {
        return TimeText.atOrDash(at);
    }

    static String eth(BigInteger wei) {
        return new BigDecimal(wei).movePointLeft(18).stripTrailingZeros().toPlainString() + " ETH";
    }

    private static String or(@Nullable String text) {
        return text == null || text.isBlank() ? "-" : text;
    }

    private static String join(List<String> values) {
        return values.isEmpty() ? "-" : String.join(", ", values);
    }
}
