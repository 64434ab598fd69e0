package org.firebreak.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code firebreak playbook list|show|overdue}. */
@Command(name = "playbook", description = "List and show the playbooks in force.", mixinStandardHelpOptions = true,
        subcommands = { PlaybookCommand.ListPlaybooks.class, PlaybookCommand.Show.class, PlaybookCommand.Overdue.class })
final class PlaybookCommand {

    @Command(name = "list", description = "List playbooks with version, owner and review-by date.")
    static final class ListPlaybooks implements Callable<Integer> {
        @Mixin ClientOptions options;

        @Override
        public Integer call() {
            JsonNode playbooks = options.client().get("api/v1/playbooks");
            if (!options.printedJson(playbooks)) {
                Table table = new Table("ID", "VERSION", "KIND", "FOR", "STEPS", "OWNER", "REVIEW BY", "TITLE");
                for (JsonNode p : playbooks) {
                    String serves = p.get("incidentType").isNull() ? Render.join(p.get("severities"))
                            : Render.text(p, "incidentType");
                    String review = Render.text(p, "reviewBy") + (p.get("reviewOverdue").asBoolean() ? " (overdue)" : "");
                    table.row(Render.text(p, "id"), Render.text(p, "version"), Render.text(p, "kind"), serves,
                            Render.text(p, "steps"), Render.text(p, "owner"), review, Render.text(p, "title"));
                }
                table.print(options.out());
            }
            return 0;
        }
    }

    @Command(name = "show", description = "Show a playbook's symptoms and steps.")
    static final class Show implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(paramLabel = "ID") String id;

        @Override
        public Integer call() {
            JsonNode p = options.client().get("api/v1/playbooks/" + ApiClient.segment(id));
            if (!options.printedJson(p)) {
                var out = options.out();
                out.println(Render.text(p, "id") + " v" + Render.text(p, "version") + "  " + Render.text(p, "title"));
                out.println("owner " + Render.text(p, "owner") + ", review by " + Render.text(p, "reviewBy"));
                out.println("source: " + Render.text(p, "source"));
                if (!p.get("symptoms").isEmpty()) {
                    out.println("symptoms: " + Render.join(p.get("symptoms")));
                }
                Table table = new Table("SECTION", "STEP", "KIND", "AUTOMATION", "WHAT");
                for (JsonNode section : p.get("sections")) {
                    for (JsonNode step : section.get("steps")) {
                        boolean manual = step.get("automation") == null || step.get("automation").isNull();
                        table.row(Render.text(section, "name"), Render.text(step, "title"), manual ? "MANUAL" : "AUTOMATED",
                                manual ? "" : Render.text(step, "automation"), Render.text(step, "description"));
                    }
                }
                table.print(out);
            }
            return 0;
        }
    }

    @Command(name = "overdue", description = "Playbooks past their review-by date, with owners and last reminder.")
    static final class Overdue implements Callable<Integer> {
        @Mixin ClientOptions options;

        @Override
        public Integer call() {
            JsonNode overdue = options.client().get("api/v1/playbooks/overdue");
            if (!options.printedJson(overdue)) {
                Table table = new Table("ID", "VERSION", "OWNER", "REVIEW BY", "OVERDUE", "REMINDED", "TITLE");
                for (JsonNode p : overdue) {
                    table.row(Render.text(p, "id"), Render.text(p, "version"), Render.text(p, "owner"),
                            Render.text(p, "reviewBy"), Render.text(p, "daysOverdue") + "d", Render.time(p, "lastRemindedAt"),
                            Render.text(p, "title"));
                }
                table.print(options.out());
            }
            return 0;
        }
    }
}
