package org.firebreak.cli;

import java.io.PrintWriter;
import java.util.function.Function;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code firebreak} command. */
@Command(name = "firebreak", mixinStandardHelpOptions = true, version = "Firebreak 0.1.0",
        description = "Incident response for smart-account infrastructure (ERC-4337, MetaMask Delegation Framework).",
        subcommands = { IncidentCommand.class, StepCommand.class, PlaybookCommand.class, CheckCommand.class,
                RuleCommand.Rules.class, RuleCommand.Alerts.class, SilenceCommand.class, OnCallCommand.class,
                ReviewCommand.class, ActionsCommand.class, AnalyticsCommand.class, AccountCommand.Accounts.class,
                AccountCommand.Tokens.class,
                CommandLine.HelpCommand.class },
        footer = { "", "Commands other than 'up' and 'devnet' talk to a running server: --server URL or env FIREBREAK_URL." })
public final class FirebreakCli {

    /** Returned by {@link #run} when the server was started and the process must stay alive. */
    public static final int KEEP_RUNNING = -1;

    private FirebreakCli() {
    }

    /**
     * Runs the command line.
     *
     * @param server starts the Spring application with the given arguments
     * @return the exit code, or {@link #KEEP_RUNNING} after {@code up} started the server
     */
    public static int run(String[] args, Function<String[], ConfigurableApplicationContext> server) {
        return commandLine(server, new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    static CommandLine commandLine(Function<String[], ConfigurableApplicationContext> server, PrintWriter out,
            PrintWriter err) {
        CommandLine cli = new CommandLine(new FirebreakCli());
        cli.addSubcommand("up", new UpCommand(server));
        cli.addSubcommand("devnet", new DevnetCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliFailure failure) {
                commandLine.getErr().println("firebreak: " + failure.getMessage());
                return failure.exitCode();
            }
            throw e;
        });
        return cli;
    }
}
