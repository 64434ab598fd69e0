package org.firebreak.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Option;

/** The filters of {@code incident list}, shared with the commands that act on the incidents a filter selects. */
final class IncidentFilterOptions {

    @Option(names = "--status", description = "e.g. TRIGGERED") @Nullable String status;
    @Option(names = "--severity", description = "CRITICAL, HIGH, MEDIUM or LOW") @Nullable String severity;
    @Option(names = "--type", description = "e.g. DELEGATION_FAILURE") @Nullable String type;
    @Option(names = { "--search", "--query" }, description = "text in the title") @Nullable String search;

    /** The list endpoint's query parameters for the filters given. */
    Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("status", status == null ? null : status.strip().toUpperCase(Locale.ROOT));
        params.put("severity", severity == null ? null : severity.strip().toUpperCase(Locale.ROOT));
        params.put("type", type);
        params.put("q", search);
        return params;
    }

    boolean given() {
        return status != null || severity != null || type != null || search != null;
    }

    /** The filters as given, e.g. {@code --status TRIGGERED --severity HIGH}, for what a command says. */
    String described() {
        StringBuilder out = new StringBuilder();
        Map<String, @Nullable String> given = new LinkedHashMap<>();
        given.put("--status", status);
        given.put("--severity", severity);
        given.put("--type", type);
        given.put("--search", search);
        given.forEach((name, value) -> {
            if (value != null) {
                out.append(out.isEmpty() ? "" : " ").append(name).append(' ').append(value);
            }
        });
        return out.toString();
    }
}
