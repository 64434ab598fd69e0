package org.firebreak.review;

import java.util.List;

import org.firebreak.review.ReviewDocument.Fact;

/** The review document as Markdown: the same sections and words as the review page. */
final class MarkdownReview {

    private MarkdownReview() {
    }

    static String render(ReviewDocument d) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(d.title()).append("\n\n").append("Review status: **").append(d.status()).append("**\n\n");
        md.append("## Incident report\n\n");
        facts(md, d.facts());
        md.append("### Phases\n\n");
        d.phases().forEach(b -> md.append("- ").append(b.name()).append(": ").append(b.duration()).append(" (")
                .append(b.from()).append(" to ").append(b.to()).append(", ").append(b.percent()).append("%)\n"));
        md.append("\n## Root cause analysis\n\n").append(d.rcaSummary()).append("\n\n");
        list(md, "Contributing factors", d.contributingFactors());
        if (!d.fiveWhys().isEmpty()) {
            md.append("### Five whys\n\n");
            for (int i = 0; i < d.fiveWhys().size(); i++) {
                md.append(i + 1).append(". ").append(d.fiveWhys().get(i).why()).append(" Because ")
                        .append(d.fiveWhys().get(i).because()).append('\n');
            }
            md.append('\n');
        }
        md.append("## Impact\n\n");
        facts(md, concat(d.impact(), d.chainImpact()));
        if (d.chainNote() != null) {
            md.append("_").append(d.chainNote()).append("_\n\n");
        }
        list(md, "Revert reasons", d.revertReasons());
        if (!d.affectedAccounts().isEmpty()) {
            md.append("### Affected accounts\n\n");
            d.affectedAccounts().forEach(a -> md.append("- `").append(a).append("`\n"));
            md.append('\n');
        }
        if (!d.impactNotes().isEmpty()) {
            md.append(d.impactNotes()).append("\n\n");
        }
        md.append("## Lessons learned\n\n");
        list(md, "What went well", orDash(d.wentWell()));
        list(md, "What went badly", orDash(d.wentBadly()));
        list(md, "Where we were lucky", orDash(d.lucky()));
        md.append("## Action items\n\n");
        if (d.actionItems().isEmpty()) {
            md.append("No action items yet.\n\n");
        } else {
            md.append("| # | Action | Owner | Due | Priority | Status |\n|---|---|---|---|---|---|\n");
            d.actionItems().forEach(a -> md.append("| ").append(a.id()).append(" | ").append(cell(a.title())).append(" | ")
                    .append(cell(a.owner())).append(" | ").append(a.due()).append(" | ").append(a.priority()).append(" | ")
                    .append(a.overdue() ? a.status() + " (overdue)" : a.status()).append(" |\n"));
            md.append('\n');
        }
        md.append("## Documentation\n\n");
        facts(md, d.documentation());
        md.append("## Timeline\n\nAs recorded on the incident; key entries are marked and the author's context is in "
                + "italics.\n\n");
        for (ReviewDocument.Entry e : d.timeline()) {
            md.append("- ").append(e.key() ? "**KEY** " : "").append(e.seq()).append("  ").append(e.at()).append("  ")
                    .append(e.actor()).append("  ").append(e.kind()).append("\n  ").append(e.text().replace("\n", "\n  "))
                    .append('\n');
            if (e.context() != null) {
                md.append("  _Context: ").append(e.context()).append("_\n");
            }
        }
        return md.toString();
    }

    private static void facts(StringBuilder md, List<Fact> facts) {
        md.append("| | |\n|---|---|\n");
        facts.forEach(f -> md.append("| ").append(cell(f.label())).append(" | ").append(cell(f.value())).append(" |\n"));
        md.append('\n');
    }

    private static void list(StringBuilder md, String heading, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        md.append("### ").append(heading).append("\n\n");
        items.forEach(i -> md.append("- ").append(i).append('\n'));
        md.append('\n');
    }

    private static List<String> orDash(List<String> items) {
        return items.isEmpty() ? List.of("-") : items;
    }

    private static List<Fact> concat(List<Fact> a, List<Fact> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** A table cell: a pipe would end the cell, a line break the row. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
