package org.firebreak.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code firebreak incident open|list|show|ack|status|severity|note|timeline|update|updates|notifications|ack-all|
 * resolve-all}.
 */
@Command(name = "incident", description = "Open, list, show and move incidents.", mixinStandardHelpOptions = true,
        subcommands = { IncidentCommand.Open.class, IncidentCommand.ListIncidents.class, IncidentCommand.Show.class,
                IncidentCommand.Ack.class, IncidentCommand.Status.class, IncidentCommand.Severity.class,
                IncidentCommand.Note.class, IncidentCommand.Timeline.class, IncidentCommand.Escalate.class,
                IncidentCommand.Escalation.class, CommsCommands.Update.class, CommsCommands.Updates.class,
                CommsCommands.Notifications.class, SelectionCommands.AckAll.class, SelectionCommands.ResolveAll.class })
final class IncidentCommand {

    @Command(name = "open", description = "Open an incident. Give the plan's criteria and Firebreak classifies it.")
    static final class Open implements Callable<Integer> {
        @Mixin ClientOptions options;

        @Option(names = "--title", required = true, description = "one line: what is wrong") String title;
        @Option(names = "--summary", description = "what is known so far") String summary;
        @Option(names = "--criteria", split = ",", paramLabel = "CRITERION",
                description = "the plan's criteria, e.g. \"funds at risk\" (comma-separated or repeated)")
        List<String> criteria = new ArrayList<>();
        @Option(names = "--severity", description = "CRITICAL, HIGH, MEDIUM or LOW (overrides the criteria)") String severity;
        @Option(names = "--type", description = "e.g. DELEGATION_FAILURE (see `playbook list`)") String type;
        @Option(names = "--component", description = "affected component (repeatable)") List<String> components = new ArrayList<>();
        @Option(names = "--commander", description = "incident commander") String commander;
        @Option(names = "--responder", description = "responder (repeatable)") List<String> responders = new ArrayList<>();

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", title);
            body.put("summary", summary);
            body.put("criteria", criteria.stream().map(String::strip).toList());
            body.put("severity", severity == null ? null : severity.toUpperCase(java.util.Locale.ROOT));
            body.put("type", type);
            body.put("components", components);
            body.put("commander", commander);
            body.put("responders", responders);
            JsonNode incident = options.client().post("api/v1/incidents", body);
            if (!options.printedJson(incident)) {
                Render.incident(incident, options.out());
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List incidents, newest first.")
    static final class ListIncidents implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Mixin IncidentFilterOptions filter;
        @Option(names = "--open", description = "only incidents not yet resolved") boolean open;
        @Option(names = "--page", defaultValue = "0") int page;
        @Option(names = "--size", defaultValue = "50") int size;

        @Override
        public Integer call() {
            Map<String, Object> params = filter.params();
            params.put("open", open ? "true" : null);
            params.put("page", page);
            params.put("size", size);
            JsonNode result = options.client().get("api/v1/incidents" + ApiClient.query(params));
            if (!options.printedJson(result)) {
                Table table = new Table("ID", "SEVERITY", "STATUS", "TYPE", "DETECTED", "COMMANDER", "TITLE");
                for (JsonNode i : result.get("items")) {
                    table.row(Render.text(i, "id"), Render.text(i, "severity"), Render.text(i, "status"),
                            Render.text(i, "type"), Render.time(i, "detectedAt"), Render.text(i, "commander"),
                            Render.text(i, "title"));
                }
                table.print(options.out());
                options.out().println(result.get("items").size() + " of " + result.get("total").asLong()
                        + " incidents (page " + page + ")");
            }
            return 0;
        }
    }

    @Command(name = "show", description = "Show an incident and its checklist.")
    static final class Show implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(paramLabel = "ID", description = "e.g. INC-7") String id;

        @Override
        public Integer call() {
            JsonNode incident = options.client().get("api/v1/incidents/" + ApiClient.segment(id));
            if (!options.printedJson(incident)) {
                Render.incident(incident, options.out());
            }
            return 0;
        }
    }

    @Command(name = "ack", description = "Acknowledge an incident (status ACKNOWLEDGED).")
    static final class Ack implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(paramLabel = "ID") String id;
        @Option(names = "--note") String note;

        @Override
        public Integer call() {
            // its own endpoint: a responder may acknowledge, while other status changes need a commander
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("note", note);
            return moved(options, options.client().post("api/v1/incidents/" + ApiClient.segment(id) + "/acknowledge",
                    body));
        }
    }

    @Command(name = "status", description = "Move an incident to a status: ACKNOWLEDGED, INVESTIGATING, MITIGATED, RESOLVED, CLOSED.")
    static final class Status implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(index = "0", paramLabel = "ID") String id;
        @Parameters(index = "1", paramLabel = "STATUS") String status;
        @Option(names = "--note") String note;

        @Override
        public Integer call() {
            return move(options, id, status.toUpperCase(java.util.Locale.ROOT), note);
        }
    }

    @Command(name = "severity", description = "Change an incident's severity; the checklist gains the new procedure's steps.")
    static final class Severity implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(index = "0", paramLabel = "ID") String id;
        @Parameters(index = "1", paramLabel = "SEVERITY") String severity;
        @Option(names = "--reason") String reason;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("severity", severity.toUpperCase(java.util.Locale.ROOT));
            body.put("reason", reason);
            JsonNode incident = options.client().post("api/v1/incidents/" + ApiClient.segment(id) + "/severity", body);
            if (!options.printedJson(incident)) {
                Render.incident(incident, options.out());
            }
            return 0;
        }
    }

    @Command(name = "note", description = "Add a note to an incident's timeline.")
    static final class Note implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(index = "0", paramLabel = "ID") String id;
        @Parameters(index = "1..*", paramLabel = "TEXT", arity = "1..*") List<String> words;

        @Override
        public Integer call() {
            JsonNode incident = options.client().post("api/v1/incidents/" + ApiClient.segment(id) + "/notes",
                    Map.of("text", String.join(" ", words)));
            if (!options.printedJson(incident)) {
                options.out().println("Noted on " + Render.text(incident, "id") + ".");
                options.out().flush();
            }
            return 0;
        }
    }

    @Command(name = "timeline", description = "Show an incident's timeline, oldest first.")
    static final class Timeline implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(paramLabel = "ID") String id;

        @Override
        public Integer call() {
            JsonNode entries = options.client().get("api/v1/incidents/" + ApiClient.segment(id) + "/timeline");
            if (!options.printedJson(entries)) {
                Render.timeline(entries, options.out());
            }
            return 0;
        }
    }

    @Command(name = "escalate", description = "Page the next escalation level now, with a reason.")
    static final class Escalate implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(paramLabel = "ID") String id;
        @Option(names = "--reason", required = true, description = "why; goes into the page and on the timeline")
        String reason;

        @Override
        public Integer call() {
            JsonNode escalation = options.client().post("api/v1/incidents/" + ApiClient.segment(id) + "/escalate",
                    Map.of("reason", reason));
            if (!options.printedJson(escalation)) {
                OnCallCommand.escalation(escalation, options.out());
            }
            return 0;
        }
    }

    @Command(name = "escalation", description = "Show an incident's escalation: policy, state, next step, pages.")
    static final class Escalation implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(paramLabel = "ID") String id;

        @Override
        public Integer call() {
            JsonNode escalation = options.client().get("api/v1/incidents/" + ApiClient.segment(id) + "/escalation");
            if (!options.printedJson(escalation)) {
                OnCallCommand.escalation(escalation, options.out());
            }
            return 0;
        }
    }

    private static int move(ClientOptions options, String id, String status, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("note", note);
        return moved(options, options.client().post("api/v1/incidents/" + ApiClient.segment(id) + "/status", body));
    }

    private static int moved(ClientOptions options, JsonNode incident) {
        if (!options.printedJson(incident)) {
            options.out().println(Render.text(incident, "id") + " is " + Render.text(incident, "status")
                    + " (next: " + Render.join(incident.get("allowedNextStatuses")) + ")");
            options.out().flush();
        }
        return 0;
    }
}
