package org.firebreak.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.JsonNode;

/** Options every API command shares: which server, signed in how, and the output form. */
final class ClientOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:FIREBREAK_URL:-http://127.0.0.1:8080}",
            description = "Firebreak server (env FIREBREAK_URL; default ${DEFAULT-VALUE})")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:FIREBREAK_TOKEN}",
            description = "API token (env FIREBREAK_TOKEN); the timeline names its account")
    @Nullable String token;

    @Option(names = "--token-file", paramLabel = "FILE", defaultValue = "${env:FIREBREAK_TOKEN_FILE:-data/cli-token}",
            description = "file holding the API token when none is given (env FIREBREAK_TOKEN_FILE; default ${DEFAULT-VALUE},"
                    + " which `firebreak up` writes in its data directory)")
    Path tokenFile;

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
        return new ApiClient(uri, token());
    }

    private @Nullable String token() {
        if (token != null && !token.isBlank()) {
            return token.strip();
        }
        if (Files.isReadable(tokenFile)) {
            try {
                return Files.readString(tokenFile).strip();
            } catch (IOException e) {
                throw new CliFailure(2, "cannot read the token file " + tokenFile + ": " + e.getMessage());
            }
        }
        return null;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
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
