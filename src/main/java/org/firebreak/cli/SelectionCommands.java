package org.firebreak.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code firebreak incident ack-all|resolve-all}: clear an alert storm, acting on many incidents at once: the ids given,
 * or every open incident a filter of {@code incident list} selects.
 */
final class SelectionCommands {

    /** As many rows as the list endpoint answers at once. */
    private static final int PAGE = 200;

    private SelectionCommands() {
    }

    @Command(name = "ack-all", description = { "Acknowledge many incidents at once (paging stops for each): the ids given,",
            "or the open incidents a filter selects. Those already past TRIGGERED are left as they are.",
            "Exits 1 when one was refused or not found." })
    static final class AckAll extends ChangeSelection {
        AckAll() {
            super("ACKNOWLEDGE");
        }
    }

    @Command(name = "resolve-all", description = { "Resolve many incidents at once: the ids given, or the open incidents",
            "a filter selects. Those already RESOLVED are left as they are; a move the status machine refuses is",
            "said with its reason. Needs a commander. Exits 1 when one was refused or not found." })
    static final class ResolveAll extends ChangeSelection {
        ResolveAll() {
            super("RESOLVE");
        }
    }

    /** Both commands: pick the incidents, post them to the API in one request, print what happened to each. */
    abstract static class ChangeSelection implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Mixin IncidentFilterOptions filter;
        @Parameters(arity = "0..*", paramLabel = "ID", description = "e.g. INC-1 INC-7 (or select by a filter)")
        List<String> ids = new ArrayList<>();
        @Option(names = "--note", description = "goes on each changed incident's timeline") @Nullable String note;

        private final String action;

        ChangeSelection(String action) {
            this.action = action;
        }

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("action", action);
            body.put("incidents", selected());
            body.put("note", note);
            JsonNode result = options.client().post("api/v1/incidents/bulk", body);
            if (!options.printedJson(result)) {
                Table table = new Table("INCIDENT", "OUTCOME", "STATUS", "REASON");
                result.get("incidents").forEach(i -> table.row(Render.text(i, "id"), Render.text(i, "outcome"),
                        Render.text(i, "status"), Render.text(i, "reason")));
                table.print(options.out());
                options.out().println(result.get("changed").asInt() + " changed, " + result.get("unchanged").asInt()
                        + " unchanged, " + result.get("refused").asInt() + " refused, "
                        + result.get("notFound").asInt() + " not found");
                options.out().flush();
            }
            return result.get("refused").asInt() + result.get("notFound").asInt() == 0 ? 0 : 1;
        }

        /** The ids given, or the open incidents the filter selects (newest first), each once. */
        private List<String> selected() {
            if (!ids.isEmpty() && filter.given()) {
                throw new CliFailure(2, "give incident ids or a filter (" + filter.described() + "), not both");
            }
            if (!ids.isEmpty()) {
                return ids;
            }
            if (!filter.given()) {
                throw new CliFailure(2, "give incident ids (e.g. INC-1 INC-2) or a filter: --status, --severity, "
                        + "--type, --search");
            }
            Set<String> found = new LinkedHashSet<>();
            for (int page = 0;; page++) {
                Map<String, Object> params = filter.params();
                params.put("open", "true");
                params.put("page", page);
                params.put("size", PAGE);
                JsonNode list = options.client().get("api/v1/incidents" + ApiClient.query(params));
                list.get("items").forEach(i -> found.add(i.get("id").asString()));
                if (list.get("items").size() < PAGE || found.size() >= list.get("total").asLong()) {
                    break;
                }
            }
            if (found.isEmpty()) {
                throw new CliFailure(1, "no open incident matches " + filter.described() + "; nothing changed");
            }
            return List.copyOf(found);
        }
    }
}
