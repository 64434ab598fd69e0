package org.firebreak.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code firebreak review start|show|edit|submit|return|publish|export}: an incident's post-incident review. */
@Command(name = "review", description = "Write, review, publish and export an incident's post-incident review.",
        mixinStandardHelpOptions = true,
        subcommands = { ReviewCommand.Start.class, ReviewCommand.Show.class, ReviewCommand.Edit.class,
                ReviewCommand.Submit.class, ReviewCommand.Return.class, ReviewCommand.Publish.class,
                ReviewCommand.Export.class })
final class ReviewCommand {

    static String path(String incident) {
        return "api/v1/incidents/" + ApiClient.segment(incident) + "/review";
    }

    /** One line: where the review stands and what its documentation set lacks. */
    static void summary(JsonNode r, ClientOptions options) {
        var out = options.out();
        JsonNode incident = r.get("incident");
        out.println("Review of " + Render.text(incident, "id") + "  " + Render.text(incident, "title") + ": "
                + Render.text(r, "status") + " by " + Render.text(r, "author") + " (next: "
                + Render.join(r.get("allowedNextStatuses")) + ")");
        Table table = new Table("DOCUMENT", "READY", "MISSING");
        r.get("documentation").forEach(d -> table.row(Render.text(d, "document"), d.get("ready").asBoolean() ? "yes" : "no",
                d.get("missing").isNull() ? "" : Render.text(d, "missing")));
        table.print(out);
    }

    @Command(name = "start", description = "Start the incident's review as a DRAFT.")
    static final class Start implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(paramLabel = "INCIDENT") String incident;

        @Override
        public Integer call() {
            JsonNode review = options.client().post(path(incident), null);
            if (!options.printedJson(review)) {
                summary(review, options);
            }
            return 0;
        }
    }

    @Command(name = "show", description = "Show the review as a document (the Markdown export); --json for the API's JSON.")
    static final class Show implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(paramLabel = "INCIDENT") String incident;

        @Override
        public Integer call() {
            if (options.json) {
                options.printedJson(options.client().get(path(incident)));
            } else {
                options.out().print(new String(options.client().download(path(incident) + "/export.md", "text/markdown"),
                        StandardCharsets.UTF_8));
                options.out().flush();
            }
            return 0;
        }
    }

    @Command(name = "edit", description = "Edit a DRAFT: each option given replaces that part; repeat list options.")
    static final class Edit implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(paramLabel = "INCIDENT") String incident;
        @Option(names = "--summary", description = "the root cause in a few sentences") String summary;
        @Option(names = "--factor", description = "a contributing factor (repeat)") List<String> factors;
        @Option(names = "--why", paramLabel = "QUESTION => ANSWER", description = "a link of the five whys (repeat, in order)")
        List<String> whys;
        @Option(names = "--impact-notes", description = "impact beyond what is computed") String impactNotes;
        @Option(names = "--went-well", description = "repeat") List<String> wentWell;
        @Option(names = "--went-badly", description = "repeat") List<String> wentBadly;
        @Option(names = "--lucky", description = "where we were lucky (repeat)") List<String> lucky;
        @Option(names = "--key", paramLabel = "SEQ", description = "mark timeline entry SEQ as key (repeat)") List<Integer> keys;
        @Option(names = "--unkey", paramLabel = "SEQ", description = "unmark timeline entry SEQ (repeat)") List<Integer> unkeys;
        @Option(names = "--context", paramLabel = "SEQ=TEXT", description = "context for timeline entry SEQ (repeat)")
        Map<Integer, String> contexts;

        @Override
        public Integer call() {
            ApiClient client = options.client();
            Map<String, Object> edit = new LinkedHashMap<>();
            putIf(edit, "summary", summary);
            putIf(edit, "contributingFactors", factors);
            if (whys != null) {
                edit.put("fiveWhys", whys.stream().map(ReviewCommand.Edit::why).toList());
            }
            putIf(edit, "impactNotes", impactNotes);
            putIf(edit, "wentWell", wentWell);
            putIf(edit, "wentBadly", wentBadly);
            putIf(edit, "lucky", lucky);
            JsonNode review = edit.isEmpty() ? client.get(path(incident)) : client.patch(path(incident), edit);
            for (Map.Entry<Integer, Map<String, Object>> mark : marks(review).entrySet()) {
                review = client.put(path(incident) + "/timeline/" + mark.getKey(), mark.getValue());
            }
            if (!options.printedJson(review)) {
                summary(review, options);
            }
            return 0;
        }

        /** The marks to write, each merged with what the entry carries already (a PUT replaces the whole mark). */
        private Map<Integer, Map<String, Object>> marks(JsonNode review) {
            Map<Integer, Map<String, Object>> marks = new TreeMap<>();
            List<Integer> touched = new ArrayList<>();
            if (keys != null) {
                touched.addAll(keys);
            }
            if (unkeys != null) {
                touched.addAll(unkeys);
            }
            if (contexts != null) {
                touched.addAll(contexts.keySet());
            }
            for (int seq : touched) {
                JsonNode entry = null;
                for (JsonNode e : review.get("timeline")) {
                    if (e.get("seq").asInt() == seq) {
                        entry = e;
                    }
                }
                if (entry == null) {
                    throw new CliFailure(2, "timeline entry " + seq + " does not exist (see: firebreak incident timeline)");
                }
                boolean key = keys != null && keys.contains(seq) || entry.get("key").asBoolean()
                        && (unkeys == null || !unkeys.contains(seq));
                String context = contexts != null && contexts.containsKey(seq) ? contexts.get(seq)
                        : entry.get("context").isNull() ? null : entry.get("context").asString();
                Map<String, Object> mark = new LinkedHashMap<>();
                mark.put("key", key);
                mark.put("context", context);
                marks.put(seq, mark);
            }
            return marks;
        }

        private static Map<String, String> why(String text) {
            int arrow = text.indexOf("=>");
            if (arrow < 0) {
                throw new CliFailure(2, "--why '" + text + "': write it as QUESTION => ANSWER");
            }
            return Map.of("why", text.substring(0, arrow).strip(), "because", text.substring(arrow + 2).strip());
        }

        private static void putIf(Map<String, Object> body, String field, Object value) {
            if (value != null) {
                body.put(field, value);
            }
        }
    }

    @Command(name = "submit", description = "DRAFT → IN_REVIEW (needs the plan's four documents).")
    static final class Submit implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(paramLabel = "INCIDENT") String incident;

        @Override
        public Integer call() {
            return move(options, options.client().post(path(incident) + "/submit", null));
        }
    }

    @Command(name = "return", description = "IN_REVIEW → DRAFT, saying what to change.")
    static final class Return implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(paramLabel = "INCIDENT") String incident;
        @Option(names = "--reason", required = true) String reason;

        @Override
        public Integer call() {
            return move(options, options.client().post(path(incident) + "/return", Map.of("reason", reason)));
        }
    }

    @Command(name = "publish", description = "IN_REVIEW → PUBLISHED (the incident must be resolved); Critical and "
            + "High incidents can then be closed.")
    static final class Publish implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(paramLabel = "INCIDENT") String incident;

        @Override
        public Integer call() {
            return move(options, options.client().post(path(incident) + "/publish", null));
        }
    }

    private static int move(ClientOptions options, JsonNode review) {
        if (!options.printedJson(review)) {
            options.out().println("The review of " + Render.text(review.get("incident"), "id") + " is "
                    + Render.text(review, "status") + " (next: " + Render.join(review.get("allowedNextStatuses")) + ")");
            options.out().flush();
        }
        return 0;
    }

    @Command(name = "export", description = "Export the review: md (default), pdf, html, or json (the whole incident "
            + "for archiving).")
    static final class Export implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(paramLabel = "INCIDENT") String incident;
        @Option(names = "--format", defaultValue = "md", description = "md, pdf, html or json") String format;
        @Option(names = { "-o", "--output" }, paramLabel = "FILE",
                description = "write to FILE (pdf default: INCIDENT-review.pdf); otherwise standard output")
        Path output;

        @Override
        public Integer call() {
            String[] what = switch (format) {
                case "md", "markdown" -> new String[] { "/export.md", "text/markdown" };
                case "pdf" -> new String[] { "/export.pdf", "application/pdf" };
                case "html" -> new String[] { "/export.html", "text/html" };
                case "json" -> new String[] { "/archive", "application/json" };
                default -> throw new CliFailure(2, "--format '" + format + "': use md, pdf, html or json");
            };
            byte[] document = options.client().download(path(incident) + what[0], what[1]);
            Path file = output != null ? output : format.equals("pdf") ? Path.of(incident.toUpperCase() + "-review.pdf") : null;
            if (file == null) {
                options.out().print(new String(document, StandardCharsets.UTF_8));
                options.out().flush();
                return 0;
            }
            try {
                Files.write(file, document);
            } catch (IOException e) {
                throw new CliFailure(1, "cannot write " + file + ": " + e.getMessage());
            }
            options.out().println("Wrote " + file + " (" + document.length + " bytes)");
            options.out().flush();
            return 0;
        }
    }
}
