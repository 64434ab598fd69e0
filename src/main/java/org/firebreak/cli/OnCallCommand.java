package org.firebreak.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.boot.convert.DurationStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code firebreak oncall now|path|at|schedules|override}: who is on call, whom to escalate to, covering. */
@Command(name = "oncall", description = "Who is on call: now, the escalation path, at an instant, the schedules; "
        + "overrides.", mixinStandardHelpOptions = true,
        subcommands = { OnCallCommand.Now.class, OnCallCommand.Path.class, OnCallCommand.At.class,
                OnCallCommand.Schedules.class, OnCallCommand.AddOverride.class })
final class OnCallCommand {

    @Command(name = "now", description = "Who every schedule has on call now.")
    static final class Now implements Callable<Integer> {
        @Mixin ClientOptions options;

        @Override
        public Integer call() {
            JsonNode all = options.client().get("api/v1/oncall/now");
            if (!options.printedJson(all)) {
                onCallTable(all, options.out());
            }
            return 0;
        }
    }

    @Command(name = "path", description = "The escalation path now: whom each level (L1, L2, L3...) would page.")
    static final class Path implements Callable<Integer> {
        @Mixin ClientOptions options;

        @Override
        public Integer call() {
            JsonNode paths = options.client().get("api/v1/oncall/escalation-paths");
            if (!options.printedJson(paths)) {
                Table table = new Table("POLICY", "LEVEL", "NAME", "WOULD PAGE", "SCHEDULE", "UNTIL");
                for (JsonNode p : paths) {
                    for (JsonNode l : p.get("levels")) {
                        StringBuilder people = new StringBuilder();
                        l.get("people").forEach(person -> people.append(people.isEmpty() ? "" : ", ")
                                .append(Render.text(person, "id")));
                        table.row(Render.text(p, "policy"), "L" + l.get("level").asInt(), Render.text(l, "name"),
                                people.isEmpty() ? "(nobody)" : people.toString(), Render.text(l, "scheduleName"),
                                Render.time(l, "until"));
                    }
                }
                table.print(options.out());
            }
            return 0;
        }
    }

    @Command(name = "at", description = "Who is on call at an instant, e.g. 2026-12-24T20:00:00Z or 2026-12-24T21:00+01:00.")
    static final class At implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(paramLabel = "INSTANT") String at;
        @Option(names = "--schedule", paramLabel = "ID", description = "one schedule (default: all)") String schedule;

        @Override
        public Integer call() {
            Instant instant = instant("INSTANT", at);
            ApiClient client = options.client();
            JsonNode rows = ApiClient.JSON.createArrayNode();
            if (schedule != null) {
                ((tools.jackson.databind.node.ArrayNode) rows).add(onCall(client, schedule, instant));
            } else {
                for (JsonNode s : client.get("api/v1/oncall/schedules")) {
                    ((tools.jackson.databind.node.ArrayNode) rows).add(onCall(client, s.get("id").asString(), instant));
                }
            }
            if (!options.printedJson(rows)) {
                onCallTable(rows, options.out());
            }
            return 0;
        }

        private static JsonNode onCall(ApiClient client, String schedule, Instant at) {
            return client.get("api/v1/oncall/schedules/" + ApiClient.segment(schedule) + "/oncall"
                    + ApiClient.query(Map.of("at", at.toString())));
        }
    }

    @Command(name = "schedules", description = "The schedules in force: zone, layers, who is on call now, overrides.")
    static final class Schedules implements Callable<Integer> {
        @Mixin ClientOptions options;

        @Override
        public Integer call() {
            JsonNode schedules = options.client().get("api/v1/oncall/schedules");
            if (!options.printedJson(schedules)) {
                PrintWriter out = options.out();
                Table table = new Table("SCHEDULE", "ZONE", "LAYER", "ROTATION", "HANDOFF", "START", "PARTICIPANTS");
                for (JsonNode s : schedules) {
                    for (JsonNode l : s.get("layers")) {
                        table.row(Render.text(s, "id"), Render.text(s, "timeZone"), Render.text(l, "name"),
                                Render.text(l, "rotation"), Render.text(l, "handoff"), Render.text(l, "start"),
                                Render.join(l.get("participants")));
                    }
                }
                table.print(out);
                out.println();
                onCallTable(ApiClient.JSON.valueToTree(schedules.valueStream().map(s -> s.get("now")).toList()), out);
                Table overrides = new Table("OVERRIDE", "SCHEDULE", "PERSON", "FROM", "UNTIL", "BY", "REASON");
                schedules.forEach(s -> s.get("overrides").forEach(o -> overrides.row("#" + Render.text(o, "id"),
                        Render.text(o, "schedule"), Render.text(o, "person"), Render.time(o, "from"),
                        Render.time(o, "until"), Render.text(o, "createdBy"), Render.text(o, "reason"))));
                if (schedules.valueStream().anyMatch(s -> !s.get("overrides").isEmpty())) {
                    out.println();
                    overrides.print(out);
                }
            }
            return 0;
        }
    }

    @Command(name = "override", description = "Someone covers a schedule for a while (the newest override wins).")
    static final class AddOverride implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(paramLabel = "SCHEDULE") String schedule;
        @Option(names = "--person", required = true, description = "who covers (a person id)") String person;
        @Option(names = "--from", paramLabel = "INSTANT", description = "start (default now)") String from;
        @Option(names = "--until", paramLabel = "INSTANT", description = "end") String until;
        @Option(names = "--for", paramLabel = "DURATION", description = "how long from the start, e.g. 8h, 2d") String duration;
        @Option(names = "--reason", description = "why; shown with who is on call") String reason;

        @Override
        public Integer call() {
            if ((duration == null) == (until == null)) {
                throw new CliFailure(2, "give exactly one of --for or --until");
            }
            Instant start = from == null ? Instant.now() : instant("--from", from);
            Instant end = until != null ? instant("--until", until) : start.plus(duration(duration));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("person", person);
            body.put("from", start.toString());
            body.put("until", end.toString());
            body.put("reason", reason);
            JsonNode o = options.client().post("api/v1/oncall/schedules/" + ApiClient.segment(schedule) + "/overrides", body);
            if (!options.printedJson(o)) {
                options.out().println("Override #" + Render.text(o, "id") + ": " + Render.text(o, "person") + " covers "
                        + Render.text(o, "schedule") + " from " + Render.time(o, "from") + " until " + Render.time(o, "until"));
                options.out().flush();
            }
            return 0;
        }

        private static Duration duration(String text) {
            try {
                return DurationStyle.detectAndParse(text);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(2, "--for: '" + text + "' is not a duration such as 8h or 2d");
            }
        }
    }

    static void onCallTable(JsonNode rows, PrintWriter out) {
        Table table = new Table("SCHEDULE", "AT", "ON CALL", "CONTACT", "FROM", "UNTIL", "BECAUSE OF");
        for (JsonNode r : rows) {
            JsonNode person = r.get("person");
            JsonNode shift = r.get("shift");
            boolean nobody = person == null || person.isNull();
            table.row(Render.text(r, "schedule"), Render.time(r, "at"), nobody ? "(nobody)" : Render.text(person, "id"),
                    nobody ? "" : contacts(person), nobody ? "" : Render.time(shift, "from"),
                    nobody ? "" : Render.time(shift, "until"), nobody ? "" : Render.text(shift, "source"));
        }
        table.print(out);
    }

    private static String contacts(JsonNode person) {
        StringBuilder text = new StringBuilder();
        person.get("contacts").forEach(c -> text.append(text.isEmpty() ? "" : ", ").append(Render.text(c, "channel"))
                .append(' ').append(Render.text(c, "address")));
        return text.toString();
    }

    static Instant instant(String option, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                throw new CliFailure(2, option + ": '" + text + "' is not an instant such as 2026-12-24T20:00:00Z");
            }
        }
    }

    /** What an escalation looks like after {@code incident escalate} or in {@code incident escalation}. */
    static void escalation(JsonNode e, PrintWriter out) {
        JsonNode policy = e.get("policy");
        out.println(Render.text(e, "incident") + " escalation: " + Render.text(e, "state") + ", policy '"
                + Render.text(policy, "id") + "' (" + Render.text(policy, "name") + "), " + Render.text(e, "severity"));
        JsonNode next = e.get("next");
        out.println("next: " + (next == null || next.isNull() ? "-"
                : Render.text(next, "what") + " at " + Render.time(next, "at")
                        + (next.get("level").asInt() > 0 ? " unless acknowledged" : "")));
        if (!e.get("stoppedReason").isNull()) {
            out.println("stopped: " + Render.text(e, "stoppedReason"));
        }
        Table pages = new Table("LEVEL", "ROUND", "PERSON", "AT", "BY", "REASON");
        for (JsonNode p : e.get("pages")) {
            int level = p.get("level").asInt();
            pages.row(level + " " + Render.text(policy.get("levels").get(level - 1), "name"), Render.text(p, "attempt"),
                    Render.text(p, "person"), Render.time(p, "at"), Render.text(p, "by"), Render.text(p, "reason"));
        }
        out.println();
        pages.print(out);
    }
}
