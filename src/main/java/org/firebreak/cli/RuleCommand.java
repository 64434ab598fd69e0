package org.firebreak.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

    @Command(name = "alerts", description = "Alerts, most recently seen first.", mixinStandardHelpOptions = true)
    static final class Alerts implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Option(names = "--status", description = "FIRING, SUPPRESSED or RESOLVED") String status;
        @Option(names = "--integration", description = "e.g. rules, alertmanager") String integration;

        @Override
        public Integer call() {
            var params = new java.util.LinkedHashMap<String, Object>();
            params.put("status", status);
            params.put("integration", integration);
            JsonNode alerts = options.client().get("api/v1/alerts" + ApiClient.query(params));
            if (!options.printedJson(alerts)) {
                Table table = new Table("INTEGRATION", "KEY", "STATUS", "COUNT", "INCIDENT", "LAST SEEN", "TITLE");
                for (JsonNode a : alerts) {
                    table.row(Render.text(a, "integration"), Render.text(a, "dedupKey"), Render.text(a, "status"),
                            Render.text(a, "count"), Render.text(a, "incident"), Render.time(a, "lastSeenAt"),
                            Render.text(a, "title"));
                }
                table.print(options.out());
            }
            return 0;
        }
    }
}
