package org.firebreak.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code firebreak check [name]}: run the chain diagnostics now; exit 1 when any of them FAILs. With
 * {@code --config-dir}: check the operator files instead, without a server; exit 1 when any has a problem.
 */
@Command(name = "check", description = { "Run the chain diagnostics behind the plan's \"Check ...\" steps.",
        "With no name, runs them all. Exits 1 when a diagnostic FAILs.",
        "With --config-dir DIR: check every configuration file in DIR (chain profile, playbooks, rules, on-call,",
        "stakeholders, templates) as start-up would, without a server; exits 1 on a problem, naming file, line",
        "and field." })
final class CheckCommand implements Callable<Integer> {

    @Mixin
    ClientOptions options;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "e.g. rpc-status, entrypoint, delegation-framework")
    String name;

    @Option(names = "--delegation", description = "for permissions/expiry: a watched delegation's name (or hash)")
    String delegation;

    @Option(names = "--evidence", description = "print each finding's evidence")
    boolean evidence;

    @Option(names = "--config-dir", paramLabel = "DIR", description = "check this configuration directory instead")
    Path configDir;

    @Option(names = "--chain-profile", paramLabel = "FILE",
            description = "with --config-dir: the chain profile to check (default: $FIREBREAK_CHAIN_PROFILE, else "
                    + "DIR/chain-profile.yml)")
    Path chainProfile;

    @Override
    public Integer call() {
        if (configDir != null) {
            if (name != null) {
                throw new CliFailure(2, "--config-dir checks files; it takes no diagnostic name ('" + name + "')");
            }
            String env = System.getenv("FIREBREAK_CHAIN_PROFILE");
            Path profile = chainProfile != null ? chainProfile : env == null || env.isBlank() ? null : Path.of(env);
            return ConfigCheck.print(new ConfigCheck(configDir, profile).run(), options.out());
        }
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("delegation", delegation);
        JsonNode result = name == null ? options.client().get("api/v1/diagnostics?run=all")
                : options.client().get("api/v1/diagnostics/" + ApiClient.segment(name) + ApiClient.query(query));
        if (!options.printedJson(result)) {
            Table table = new Table("DIAGNOSTIC", "STATUS", "SUMMARY");
            Iterable<JsonNode> findings = result.isArray() ? result : java.util.List.of(result);
            for (JsonNode f : findings) {
                table.row(Render.text(f, "diagnostic"), Render.text(f, "status"), Render.text(f, "summary"));
            }
            table.print(options.out());
            if (evidence) {
                for (JsonNode f : findings) {
                    options.out().println();
                    options.out().println(Render.text(f, "diagnostic") + ":");
                    f.get("evidence").properties().forEach(e -> options.out().println("  " + e.getKey() + " = "
                            + e.getValue().asString()));
                }
                options.out().flush();
            }
        }
        boolean failed = false;
        for (JsonNode f : result.isArray() ? result : java.util.List.of(result)) {
            failed |= "FAIL".equals(Render.text(f, "status"));
        }
        return failed ? 1 : 0;
    }
}
