package org.firebreak.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code firebreak step done|skip|run}: work an incident's checklist by step number. */
@Command(name = "step", description = "Complete, skip or run checklist steps.", mixinStandardHelpOptions = true,
        subcommands = { StepCommand.Done.class, StepCommand.Skip.class, StepCommand.Run.class })
final class StepCommand {

    @Command(name = "done", description = "Mark a step done.")
    static final class Done implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(index = "0", paramLabel = "ID") String id;
        @Parameters(index = "1", paramLabel = "STEP", description = "the step number (NO column)") int step;
        @Option(names = "--note") String note;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("note", note);
            return show(options, options.client().post(path(id, step, "complete"), body));
        }
    }

    @Command(name = "skip", description = "Skip a step; a reason is required.")
    static final class Skip implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(index = "0", paramLabel = "ID") String id;
        @Parameters(index = "1", paramLabel = "STEP") int step;
        @Option(names = "--reason", required = true) String reason;

        @Override
        public Integer call() {
            return show(options, options.client().post(path(id, step, "skip"), Map.of("reason", reason)));
        }
    }

    @Command(name = "run", description = "Run an automated step's diagnostic or action.")
    static final class Run implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(index = "0", paramLabel = "ID") String id;
        @Parameters(index = "1", paramLabel = "STEP") int step;
        @Option(names = "--confirm", description = "required for action steps (they change the chain or page people)")
        boolean confirm;

        @Override
        public Integer call() {
            return show(options, options.client().post(path(id, step, "run"), Map.of("confirm", confirm)));
        }
    }

    private static String path(String id, int step, String verb) {
        return "api/v1/incidents/" + ApiClient.segment(id) + "/checklist/" + step + "/" + verb;
    }

    private static int show(ClientOptions options, JsonNode incident) {
        if (!options.printedJson(incident)) {
            Render.checklist(incident.get("checklist"), options.out());
        }
        return 0;
    }
}
