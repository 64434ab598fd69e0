package org.firebreak.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code firebreak rules} and {@code firebreak alerts}: what detection watches and what it raised. */
final class RuleCommand {

    private RuleCommand() {
    }

    @Command(name = "rules", description = "The detection rules in force and where each stands.",
            mixinStandardHelpOptions = true)
    static final class Rules implements Callable<Integer> {
        @Mixin ClientOptions options;

        @Override
        public Integer call() {
            JsonNode rules = options.client().get("api/v1/rules");
            if (!options.printedJson(rules)) {
                Table table = new Table("RULE", "SEVERITY", "ON", "STATE", "SOURCE");
                for (JsonNode r : rules) {
                    StringBuilder state = new StringBuilder();
                    for (JsonNode i : r.get("instances")) {
                        state.append(Render.text(i, "state")).append(i.get("subject").asString().isEmpty() ? ""
                                : " " + Render.text(i, "subject")).append(' ');
                    }
                    String error = r.get("lastError").isNull() ? "" : "ERROR " + Render.text(r, "lastError");
                    table.row(Render.text(r, "id"), Render.text(r, "severity"), r.get("enabled").asBoolean() ? "yes" : "off",
                            (state.isEmpty() ? "ok" : state.toString().strip()) + error, Render.text(r, "source"));
                }
                table.print(options.out());
            }
            return 0;
        }
    }

    @Command(name = "alerts", description = "Alerts, most recently seen first; --incident: one incident's groups and"
            + " alerts.", mixinStandardHelpOptions = true, subcommands = Alerts.Split.class)
    static final class Alerts implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Option(names = "--status", description = "FIRING, SUPPRESSED or RESOLVED") String status;
        @Option(names = "--integration", description = "e.g. rules, alertmanager") String integration;
        @Option(names = "--incident", paramLabel = "INC-N", description = "the groups and alerts behind one incident")
        String incident;

        @Override
        public Integer call() {
            if (incident != null) {
                return ofIncident();
            }
            var params = new java.util.LinkedHashMap<String, Object>();
            params.put("status", status);
            params.put("integration", integration);
            JsonNode alerts = options.client().get("api/v1/alerts" + ApiClient.query(params));
            if (!options.printedJson(alerts)) {
                printAlerts(alerts);
            }
            return 0;
        }

        private int ofIncident() {
            JsonNode held = options.client().get("api/v1/incidents/" + ApiClient.segment(incident) + "/alerts");
            if (!options.printedJson(held)) {
                Table groups = new Table("GROUP", "NAME", "INTEGRATION", "ALERTS", "FIRING", "FIRST SEEN", "LAST SEEN",
                        "STORM");
                for (JsonNode g : held.get("groups")) {
                    groups.row(Render.text(g, "id"), Render.text(g, "name"), Render.text(g, "integration"),
                            Render.text(g, "alerts"), Render.text(g, "firing"), Render.time(g, "firstSeenAt"),
                            Render.time(g, "lastSeenAt"), g.get("absorbed").asBoolean() ? "taken in" : "");
                }
                groups.print(options.out());
                options.out().println();
                printAlerts(held.get("alerts"));
            }
            return 0;
        }

        private void printAlerts(JsonNode alerts) {
            Table table = new Table("INTEGRATION", "KEY", "STATUS", "COUNT", "INCIDENT", "LAST SEEN", "TITLE");
            for (JsonNode a : alerts) {
                table.row(Render.text(a, "integration"), Render.text(a, "dedupKey"), Render.text(a, "status"),
                        Render.text(a, "count"), Render.text(a, "incident"), Render.time(a, "lastSeenAt"),
                        Render.text(a, "title"));
            }
            table.print(options.out());
        }

        @Command(name = "split", description = "Give a group a storm incident took in an incident of its own.",
                mixinStandardHelpOptions = true)
        static final class Split implements Callable<Integer> {
            @Mixin ClientOptions options;
            @Parameters(index = "0", paramLabel = "INC-N", description = "the storm incident") String incident;
            @Parameters(index = "1", paramLabel = "GROUP", description = "the group's number (firebreak alerts --incident)")
            long group;

            @Override
            public Integer call() {
                JsonNode split = options.client().post("api/v1/incidents/" + ApiClient.segment(incident) + "/alert-groups/"
                        + group + "/split", java.util.Map.of());
                if (!options.printedJson(split)) {
                    options.out().println("group " + group + " split out of " + incident.toUpperCase(java.util.Locale.ROOT)
                            + " into " + Render.text(split, "incident"));
                }
                return 0;
            }
        }
    }
}
