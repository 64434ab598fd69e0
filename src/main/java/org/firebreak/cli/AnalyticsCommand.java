package org.firebreak.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code firebreak analytics}: response times, incidents per week and action-item completion over a period. */
@Command(name = "analytics", mixinStandardHelpOptions = true,
        description = { "Time to acknowledge and to resolve (median and p90, nearest rank) per severity and type, "
                + "incidents per week by severity, and action-item completion, over incidents detected in [from, to)." })
final class AnalyticsCommand implements Callable<Integer> {

    @Mixin ClientOptions options;
    @Option(names = "--from", paramLabel = "DATE|INSTANT", description = "default: 90 days before --to") String from;
    @Option(names = "--to", paramLabel = "DATE|INSTANT", description = "exclusive; default: now") String to;

    @Override
    public Integer call() {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("from", from);
        query.put("to", to);
        JsonNode a = options.client().get("api/v1/analytics" + ApiClient.query(query));
        if (options.printedJson(a)) {
            return 0;
        }
        var out = options.out();
        out.println(Render.text(a, "incidents") + " incidents detected from " + Render.time(a, "from") + " to "
                + Render.time(a, "to") + "; percentiles by " + Render.text(a, "percentileMethod"));
        Table table = new Table("GROUP", "INCIDENTS", "TTA MEDIAN", "TTA P90", "TTR MEDIAN", "TTR P90");
        a.get("bySeverity").properties().forEach(e -> row(table, e.getKey(), e.getValue()));
        a.get("byType").properties().forEach(e -> row(table, e.getKey(), e.getValue()));
        table.print(out);
        out.println();
        Table weeks = new Table("WEEK OF", "CRITICAL", "HIGH", "MEDIUM", "LOW", "TOTAL");
        for (JsonNode w : a.get("perWeek")) {
            JsonNode s = w.get("bySeverity");
            weeks.row(Render.text(w, "weekStarting"), Render.text(s, "CRITICAL"), Render.text(s, "HIGH"),
                    Render.text(s, "MEDIUM"), Render.text(s, "LOW"), Render.text(w, "total"));
        }
        weeks.print(out);
        JsonNode items = a.get("actionItems");
        out.println();
        out.println("Action items created: " + Render.text(items, "created") + ", done " + Render.text(items, "done")
                + " (" + Render.text(items, "doneOnTime") + " on time), open " + Render.text(items, "open") + " ("
                + Render.text(items, "overdue") + " overdue), cancelled " + Render.text(items, "cancelled")
                + "; completion " + (items.get("completion").isNull() ? "-"
                        : String.format(java.util.Locale.ROOT, "%.0f%%", 100 * items.get("completion").asDouble())));
        out.flush();
        return 0;
    }

    private static void row(Table table, String group, JsonNode stats) {
        table.row(group, Render.text(stats, "incidents"), seconds(stats.get("timeToAcknowledge"), "medianSeconds"),
                seconds(stats.get("timeToAcknowledge"), "p90Seconds"), seconds(stats.get("timeToResolve"), "medianSeconds"),
                seconds(stats.get("timeToResolve"), "p90Seconds"));
    }

    /** {@code 1h 04m 09s}, {@code 4m 12s}, {@code 37s}, or {@code -}. */
    static String seconds(JsonNode stats, String field) {
        JsonNode value = stats.get(field);
        if (value == null || value.isNull()) {
            return "-";
        }
        long s = value.asLong();
        return s >= 3600 ? String.format(java.util.Locale.ROOT, "%dh %02dm %02ds", s / 3600, s % 3600 / 60, s % 60)
                : s >= 60 ? String.format(java.util.Locale.ROOT, "%dm %02ds", s / 60, s % 60) : s + "s";
    }
}
