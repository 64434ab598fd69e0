package org.firebreak.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.firebreak.devnet.Devnet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code firebreak up}: starts the server on the embedded defaults (H2 file store, web UI and API). */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = { "Start Firebreak: REST API, web UI and the embedded H2 store under --data-dir.",
                "Uses the chain at env FIREBREAK_RPC_URL (or the profile at env FIREBREAK_CHAIN_PROFILE) when set;",
                "otherwise the local chain-138 devnet under <data-dir>/devnet, started when it is not running",
                "(a devnet started here stops with this server; one from 'firebreak devnet up' keeps running)." })
final class UpCommand implements Callable<Integer> {

    private final Function<String[], ConfigurableApplicationContext> server;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to listen on (default ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--data-dir", defaultValue = "./data", description = "where the embedded store lives (default ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--config-dir", defaultValue = "./config",
            description = "operators' configuration: playbooks in <dir>/playbooks, on-call in <dir>/oncall.yml, "
                    + "stakeholder groups in <dir>/stakeholders.yml, message templates in <dir>/templates, rules in <dir>/rules "
                    + "(default ${DEFAULT-VALUE})")
    Path configDir;

    UpCommand(Function<String[], ConfigurableApplicationContext> server) {
        this.server = server;
    }

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new CliFailure(2, "--port must be between 0 and 65535, got " + port);
        }
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port);
        args.add("--server.address=" + bind);
        args.add("--firebreak.data-dir=" + dataDir.toAbsolutePath().normalize());
        args.add("--firebreak.playbooks.directory=" + configDir.resolve("playbooks").toAbsolutePath().normalize());
        args.add("--firebreak.comms.file=" + configDir.resolve("stakeholders.yml").toAbsolutePath().normalize());
        args.add("--firebreak.notify.templates=" + configDir.resolve("templates").toAbsolutePath().normalize());
        args.add("--firebreak.oncall.file=" + configDir.resolve("oncall.yml").toAbsolutePath().normalize());
        args.add("--firebreak.rules.directory=" + configDir.resolve("rules").toAbsolutePath().normalize());
        if (Files.isDirectory(configDir)) {
            // Every broken file at once, as `firebreak check --config-dir` shows them, rather than the first only.
            String env = System.getenv("FIREBREAK_CHAIN_PROFILE");
            List<ConfigCheck.Result> checked = new ConfigCheck(configDir,
                    env == null || env.isBlank() ? null : Path.of(env)).run();
            if (checked.stream().anyMatch(r -> r.outcome() == ConfigCheck.Outcome.FAIL)) {
                return ConfigCheck.print(checked, spec.commandLine().getErr());
            }
        }
        Devnet devnet = null;
        if (blank(System.getenv("FIREBREAK_RPC_URL")) && blank(System.getenv("FIREBREAK_CHAIN_PROFILE"))) {
            devnet = DevnetCommand.devnetFor(dataDir.toAbsolutePath().normalize());
            args.add("--firebreak.chain.profile=" + devnet.profilePath());
            // the shipped devnet secrets are for this local chain only (shared.ProductionSecrets)
            args.add("--firebreak.devnet=true");
        }
        ConfigurableApplicationContext context;
        try {
            context = server.apply(args.toArray(String[]::new));
        } catch (RuntimeException e) {
            // Spring Boot has already printed the failure analysis.
            return 1;
        }
        var env = context.getEnvironment();
        String rpc = env.getProperty("firebreak.chain.rpc-url", "");
        String profile = env.getProperty("firebreak.chain.profile", "");
        var out = spec.commandLine().getOut();
        out.println("Firebreak is serving on http://" + bind + ":" + env.getProperty("local.server.port"));
        out.println("  data:  " + dataDir.toAbsolutePath().normalize());
        if (devnet != null) {
            out.println("  chain: devnet chain " + devnet.profile().chainId() + " at " + devnet.profile().rpc().getFirst().url()
                    + " (profile " + devnet.profilePath() + ")");
            devnet.close();
        } else {
            out.println("  chain: " + (!rpc.isBlank() ? rpc : !profile.isBlank() ? "profile " + profile : "none configured"));
        }
        Path data = dataDir.toAbsolutePath().normalize();
        if (java.nio.file.Files.exists(data.resolve("admin-password"))) {
            out.println("  sign in: as admin, password in " + data.resolve("admin-password"));
        }
        if (java.nio.file.Files.exists(data.resolve("cli-token"))) {
            out.println("  cli:   admin token in " + data.resolve("cli-token")
                    + " (export FIREBREAK_TOKEN_FILE=" + data.resolve("cli-token") + ")");
        }
        out.flush();
        return FirebreakCli.KEEP_RUNNING;
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
