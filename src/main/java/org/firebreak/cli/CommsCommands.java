package org.firebreak.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code firebreak incident update|updates|notifications}: status updates and what was sent about an incident. */
final class CommsCommands {

    private CommsCommands() {
    }

    @Command(name = "update", description = { "Post a status update: to the timeline, the stakeholders and, with --public,",
            "the status page. Pushes the commander's next reminder back." })
    static final class Update implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(paramLabel = "ID", description = "e.g. INC-7") String id;
        @Option(names = "--text", required = true, description = "what is known and what is being done") String text;
        @Option(names = "--status", required = true,
                description = "investigating, identified, monitoring or resolved") String status;
        @Option(names = "--public", description = "show it on the status page (default: internal)") boolean isPublic;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("text", text);
            body.put("status", status.strip().toLowerCase(Locale.ROOT));
            body.put("visibility", isPublic ? "public" : "internal");
            JsonNode posted = options.client().post("api/v1/incidents/" + ApiClient.segment(id) + "/updates", body);
            if (!options.printedJson(posted)) {
                options.out().println("Posted " + Render.text(posted, "visibility") + " update #" + Render.text(posted, "id")
                        + " on " + Render.text(posted, "incident") + " (" + Render.text(posted, "status") + ").");
                options.out().flush();
            }
            return 0;
        }
    }

    @Command(name = "updates", description = "List an incident's status updates, oldest first.")
    static final class Updates implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(paramLabel = "ID") String id;

        @Override
        public Integer call() {
            JsonNode updates = options.client().get("api/v1/incidents/" + ApiClient.segment(id) + "/updates");
            if (!options.printedJson(updates)) {
                Table table = new Table("#", "AT", "BY", "STATUS", "VISIBILITY", "TEXT");
                for (JsonNode u : updates) {
                    table.row(Render.text(u, "id"), Render.time(u, "postedAt"), Render.text(u, "author"),
                            Render.text(u, "status"), Render.text(u, "visibility"), Render.text(u, "text"));
                }
                table.print(options.out());
            }
            return 0;
        }
    }

    @Command(name = "notifications", description = "List what was sent about an incident: each delivery's status and attempts.")
    static final class Notifications implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(paramLabel = "ID") String id;

        @Override
        public Integer call() {
            JsonNode deliveries = options.client().get("api/v1/incidents/" + ApiClient.segment(id) + "/notifications");
            if (!options.printedJson(deliveries)) {
                Table table = new Table("KIND", "CHANNEL", "ADDRESS", "PERSON", "STATUS", "ATTEMPTS", "LAST OUTCOME");
                for (JsonNode d : deliveries) {
                    table.row(Render.text(d, "kind"), Render.text(d, "channel"), Render.text(d, "address"),
                            Render.text(d, "person"), Render.text(d, "status"), Render.text(d, "attempts"),
                            Render.text(d, "lastOutcome"));
                }
                table.print(options.out());
            }
            return 0;
        }
    }
}
