package org.firebreak.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code firebreak actions list|add|update}: action items across incidents. */
@Command(name = "actions", description = "Action items from reviews, across incidents; overdue ones flagged.",
        mixinStandardHelpOptions = true,
        subcommands = { ActionsCommand.ListItems.class, ActionsCommand.Add.class, ActionsCommand.Update.class })
final class ActionsCommand {

    static void print(Iterable<JsonNode> items, ClientOptions options) {
        Table table = new Table("ID", "INCIDENT", "PRIORITY", "STATUS", "DUE", "OWNER", "ACTION");
        for (JsonNode a : items) {
            String due = Render.text(a, "dueOn") + (a.get("overdue").asBoolean()
                    ? "  OVERDUE " + a.get("daysOverdue").asLong() + "d" : "");
            table.row(Render.text(a, "id"), Render.text(a, "incident"), Render.text(a, "priority"), Render.text(a, "status"),
                    due, Render.text(a, "owner"), Render.text(a, "title"));
        }
        table.print(options.out());
    }

    @Command(name = "list", description = "Action items, most urgent first.")
    static final class ListItems implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Option(names = "--owner") String owner;
        @Option(names = "--status", description = "OPEN, IN_PROGRESS, DONE, CANCELLED") String status;
        @Option(names = "--incident") String incident;
        @Option(names = "--overdue", description = "only open items past their due day") boolean overdue;

        @Override
        public Integer call() {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("owner", owner);
            query.put("status", status == null ? null : status.toUpperCase());
            query.put("incident", incident);
            query.put("overdue", overdue ? "true" : null);
            JsonNode items = options.client().get("api/v1/action-items" + ApiClient.query(query));
            if (!options.printedJson(items)) {
                print(items, options);
            }
            return 0;
        }
    }

    @Command(name = "add", description = "Add an action item to an incident's review.")
    static final class Add implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(paramLabel = "INCIDENT") String incident;
        @Option(names = "--title", required = true) String title;
        @Option(names = "--owner", required = true) String owner;
        @Option(names = "--due", required = true, paramLabel = "DATE", description = "e.g. 2026-12-15") String due;
        @Option(names = "--priority", description = "HIGH, MEDIUM (default), LOW") String priority;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", title);
            body.put("owner", owner);
            body.put("dueOn", due);
            body.put("priority", priority == null ? null : priority.toUpperCase());
            JsonNode item = options.client().post(ReviewCommand.path(incident) + "/action-items", body);
            if (!options.printedJson(item)) {
                print(java.util.List.of(item), options);
            }
            return 0;
        }
    }

    @Command(name = "update", description = "Change an action item: status, owner, due date, priority or title.")
    static final class Update implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(paramLabel = "ID") long id;
        @Option(names = "--status", description = "OPEN, IN_PROGRESS, DONE, CANCELLED") String status;
        @Option(names = "--owner") String owner;
        @Option(names = "--due", paramLabel = "DATE") String due;
        @Option(names = "--priority") String priority;
        @Option(names = "--title") String title;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            if (status != null) {
                body.put("status", status.toUpperCase());
            }
            if (owner != null) {
                body.put("owner", owner);
            }
            if (due != null) {
                body.put("dueOn", due);
            }
            if (priority != null) {
                body.put("priority", priority.toUpperCase());
            }
            if (title != null) {
                body.put("title", title);
            }
            if (body.isEmpty()) {
                throw new CliFailure(2, "nothing to change: give --status, --owner, --due, --priority or --title");
            }
            JsonNode item = options.client().patch("api/v1/action-items/" + id, body);
            if (!options.printedJson(item)) {
                print(java.util.List.of(item), options);
            }
            return 0;
        }
    }
}
