package org.firebreak.cli;

import java.time.Duration;
import java.time.Instant;
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

/** {@code firebreak silence add|list|show|end}: silences and maintenance windows. */
@Command(name = "silence", description = "Hold back incidents from matching alerts for a while (silences, maintenance).",
        mixinStandardHelpOptions = true,
        subcommands = { SilenceCommand.Add.class, SilenceCommand.ListSilences.class, SilenceCommand.Show.class,
                SilenceCommand.End.class })
final class SilenceCommand {

    @Command(name = "add", description = "Create a silence: at least one of --rule, --component, --label.")
    static final class Add implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Option(names = "--rule", description = "a rule id, or an Alertmanager alertname") String rule;
        @Option(names = "--component", description = "e.g. paymaster") String component;
        @Option(names = "--label", paramLabel = "NAME=VALUE", description = "one label the alert must carry") String label;
        @Option(names = "--for", paramLabel = "DURATION", description = "how long from the start, e.g. 2h, 30m")
        String duration;
        @Option(names = "--until", paramLabel = "INSTANT", description = "end time, e.g. 2026-11-25T23:00:00Z") String until;
        @Option(names = "--starts", paramLabel = "INSTANT", description = "start time (default now)") String starts;
        @Option(names = "--maintenance", description = "planned work: a maintenance window") boolean maintenance;
        @Option(names = "--reason", required = true, description = "why; shown on the timeline of what it held back")
        String reason;

        @Override
        public Integer call() {
            if ((duration == null) == (until == null)) {
                throw new CliFailure(2, "give exactly one of --for or --until");
            }
            Instant start = starts == null ? null : instant("--starts", starts);
            Instant end = until != null ? instant("--until", until)
                    : (start == null ? Instant.now() : start).plus(duration(duration));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kind", maintenance ? "MAINTENANCE" : "SILENCE");
            body.put("rule", rule);
            body.put("component", component);
            body.put("label", label);
            body.put("startsAt", start == null ? null : start.toString());
            body.put("endsAt", end.toString());
            body.put("reason", reason);
            JsonNode silence = options.client().post("api/v1/silences", body);
            if (!options.printedJson(silence)) {
                print(silence, options);
            }
            return 0;
        }

        private static Duration duration(String text) {
            try {
                return DurationStyle.detectAndParse(text);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(2, "--for: '" + text + "' is not a duration such as 30m, 2h or 1d");
            }
        }

        private static Instant instant(String option, String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new CliFailure(2, option + ": '" + text + "' is not an instant such as 2026-11-25T23:00:00Z");
            }
        }
    }

    @Command(name = "list", description = "Active silences; --all for ended ones too.")
    static final class ListSilences implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Option(names = "--all") boolean all;

        @Override
        public Integer call() {
            JsonNode silences = options.client().get("api/v1/silences" + (all ? "?all=true" : ""));
            if (!options.printedJson(silences)) {
                Table table = new Table("ID", "KIND", "ACTIVE", "MATCHES", "STARTS", "ENDS", "AUTHOR", "HELD BACK", "REASON");
                for (JsonNode s : silences) {
                    table.row(Render.text(s, "id"), Render.text(s, "kind"), Render.text(s, "active"), matchers(s),
                            Render.time(s, "startsAt"), Render.time(s, s.get("endedAt").isNull() ? "endsAt" : "endedAt"),
                            Render.text(s, "author"), Integer.toString(s.get("suppressed").size()), Render.text(s, "reason"));
                }
                table.print(options.out());
            }
            return 0;
        }
    }

    @Command(name = "show", description = "A silence and the alerts it held back.")
    static final class Show implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(paramLabel = "ID") long id;

        @Override
        public Integer call() {
            JsonNode silence = options.client().get("api/v1/silences/" + id);
            if (!options.printedJson(silence)) {
                print(silence, options);
            }
            return 0;
        }
    }

    @Command(name = "end", description = "End a silence now; alerts it held back that still fire open incidents.")
    static final class End implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(paramLabel = "ID") long id;

        @Override
        public Integer call() {
            JsonNode silence = options.client().post("api/v1/silences/" + id + "/end", null);
            if (!options.printedJson(silence)) {
                print(silence, options);
            }
            return 0;
        }
    }

    private static void print(JsonNode s, ClientOptions options) {
        var out = options.out();
        out.println(Render.text(s, "kind") + " #" + Render.text(s, "id") + " by " + Render.text(s, "author") + ": "
                + Render.text(s, "reason"));
        out.println("matches " + matchers(s) + ", " + Render.time(s, "startsAt") + " to " + Render.time(s, "endsAt")
                + (s.get("endedAt").isNull() ? "" : " (ended " + Render.time(s, "endedAt") + ")")
                + (s.get("active").asBoolean() ? ", active" : ", not active"));
        Table held = new Table("INTEGRATION", "ALERT", "TIMES", "FIRST", "LAST", "TITLE");
        for (JsonNode a : s.get("suppressed")) {
            held.row(Render.text(a, "integration"), Render.text(a, "dedupKey"), Render.text(a, "times"),
                    Render.time(a, "firstAt"), Render.time(a, "lastAt"), Render.text(a, "title"));
        }
        if (!s.get("suppressed").isEmpty()) {
            held.print(out);
        }
    }

    private static String matchers(JsonNode s) {
        StringBuilder text = new StringBuilder();
        if (!s.get("rule").isNull()) {
            text.append("rule=").append(Render.text(s, "rule")).append(' ');
        }
        if (!s.get("component").isNull()) {
            text.append("component=").append(Render.text(s, "component")).append(' ');
        }
        if (!s.get("labelName").isNull()) {
            text.append(Render.text(s, "labelName")).append('=').append(Render.text(s, "labelValue"));
        }
        return text.toString().strip();
    }
}
