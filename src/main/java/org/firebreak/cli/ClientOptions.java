package org.firebreak.cli;

import java.io.PrintWriter;
import java.net.URI;

import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.JsonNode;

/** Options every API command shares: which server, acting as whom, and the output form. */
final class ClientOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:FIREBREAK_URL:-http://127.0.0.1:8080}",
            description = "Firebreak server (env FIREBREAK_URL; default ${DEFAULT-VALUE})")
    String server;

    @Option(names = "--as", paramLabel = "NAME", defaultValue = "${env:FIREBREAK_ACTOR:-${sys:user.name}}",
            description = "who you are, for the timeline (env FIREBREAK_ACTOR; default your user name)")
    String actor;

    @Option(names = "--json", description = "print the API's JSON instead of a table")
    boolean json;

    ApiClient client() {
        URI uri;
        try {
            uri = URI.create(server.endsWith("/") ? server : server + "/");
        } catch (IllegalArgumentException e) {
            throw new CliFailure(2, "--server '" + server + "' is not a URL");
        }
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
            throw new CliFailure(2, "--server '" + server + "' must be an http(s) URL");
        }
        return new ApiClient(uri, actor);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Prints JSON when asked for, otherwise lets the command render its table. */
    boolean printedJson(JsonNode node) {
        if (json) {
            out().println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
            out().flush();
        }
        return json;
    }
}
