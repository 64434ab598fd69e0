package org.firebreak.review;

import java.util.List;

import org.firebreak.review.ReviewDocument.Fact;

/** The review document as Markdown: the same sections and words as the review page. */
final class MarkdownReview {

    private MarkdownReview() {
    }

    static String render(ReviewDocument d) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(text(d.title())).append("\n\n").append("Review status: **").append(text(d.status())).append("**\n\n");
        md.append("## Incident report\n\n");
        facts(md, d.facts());
        md.append("### Phases\n\n");
        d.phases().forEach(b -> md.append("- ").append(text(b.name())).append(": ").append(text(b.duration())).append(" (")
                .append(text(b.from())).append(" to ").append(text(b.to())).append(", ").append(b.percent()).append("%)\n"));
        md.append("\n## Root cause analysis\n\n").append(text(d.rcaSummary())).append("\n\n");
        list(md, "Contributing factors", d.contributingFactors());
        if (!d.fiveWhys().isEmpty()) {
            md.append("### Five whys\n\n");
            for (int i = 0; i < d.fiveWhys().size(); i++) {
                md.append(i + 1).append(". ").append(text(d.fiveWhys().get(i).why())).append(" Because ")
                        .append(text(d.fiveWhys().get(i).because())).append('\n');
            }
            md.append('\n');
        }
        md.append("## Impact\n\n");
        facts(md, concat(d.impact(), d.chainImpact()));
        if (d.chainNote() != null) {
            md.append("_").append(text(d.chainNote())).append("_\n\n");
        }
        list(md, "Revert reasons", d.revertReasons());
        if (!d.affectedAccounts().isEmpty()) {
            md.append("### Affected accounts\n\n");
            d.affectedAccounts().forEach(a -> md.append("- ").append(code(a)).append("\n"));
            md.append('\n');
        }
        if (!d.impactNotes().isEmpty()) {
            md.append(text(d.impactNotes())).append("\n\n");
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
            d.actionItems().forEach(a -> md.append("| ").append(cell(a.id())).append(" | ").append(cell(a.title())).append(" | ")
                    .append(cell(a.owner())).append(" | ").append(cell(a.due())).append(" | ").append(cell(a.priority())).append(" | ")
                    .append(cell(a.overdue() ? a.status() + " (overdue)" : a.status())).append(" |\n"));
            md.append('\n');
        }
        md.append("## Documentation\n\n");
        facts(md, d.documentation());
        md.append("## Timeline\n\nAs recorded on the incident; key entries are marked and the author's context is in "
                + "italics.\n\n");
        for (ReviewDocument.Entry e : d.timeline()) {
            md.append("- ").append(e.key() ? "**KEY** " : "").append(e.seq()).append("  ").append(e.at()).append("  ")
                    .append(text(e.actor())).append("  ").append(e.kind()).append("\n  ")
                    .append(text(e.text()).replace("\n", "\n  "))
                    .append('\n');
            if (e.context() != null) {
                md.append("  _Context: ").append(text(e.context()).replace("\n", "\n  ")).append("_\n");
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
        items.forEach(i -> md.append("- ").append(text(i).replace("\n", "\n  ")).append('\n'));
        md.append('\n');
    }

    private static List<String> orDash(List<String> items) {
        return items.isEmpty() ? List.of("-") : items;
    }

    private static List<Fact> concat(List<Fact> a, List<Fact> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** A table cell: text, on one line (a line break would end the row; {@link #text} escapes the pipe). */
    private static String cell(String value) {
        return text(value).replace("\r", "").replace("\n", " ");
    }

    /**
     * Text from the store as literal Markdown: every character a renderer could read as markup is escaped, so a
     * title, note or label can neither carry raw HTML ({@code <script>}, comments: {@code <}, {@code >} and
     * {@code &} become entities, which every renderer prints as the characters) nor build a link or image (no
     * {@code [} or {@code ]} is left to open one, no {@code <} for an autolink, so no {@code javascript:} target),
     * a heading, emphasis, strike-through, table cell or code span (backslash escapes, CommonMark's rule for ASCII
     * punctuation). Line breaks stay; a time or an address reads as before.
     */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\\', '`', '*', '_', '[', ']', '#', '!', '|', '~' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A value in a code span: printed as is; a backtick, which would end the span, and line breaks are dropped. */
    private static String code(String value) {
        return "`" + value.replace("`", "").replace("\n", " ") + "`";
    }
}
