package org.firebreak.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.firebreak.chain.ChainProfile;
import org.firebreak.chain.ChainProfile.ContractRef;
import org.firebreak.devnet.DeployedStack;
import org.firebreak.devnet.Devnet;
import org.firebreak.devnet.DevnetFailure;
import org.firebreak.devnet.DevnetFaults;
import org.firebreak.devnet.DevnetState;
import org.firebreak.devnet.Fault;
import org.firebreak.devnet.FaultReport;
import org.firebreak.shared.InvalidConfiguration;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Model.CommandSpec;

/** {@code firebreak devnet up|down|status|fault}: the local chain-138 devnet with the smart-account stack. */
@Command(name = "devnet", mixinStandardHelpOptions = true,
        description = "The local chain-138 devnet: anvil with the real smart-account stack, and faults for drills.",
        subcommands = { DevnetCommand.Up.class, DevnetCommand.Down.class, DevnetCommand.Status.class,
                DevnetCommand.FaultCommand.class, DevnetCommand.SidecarCommand.class })
final class DevnetCommand {

    /** Options every devnet command shares. */
    static final class DataDir {
        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        @Option(names = "--data-dir", defaultValue = "./data",
                description = "the devnet lives in <dir>/devnet (default ${DEFAULT-VALUE})")
        Path dataDir;

        Path path() {
            return dataDir.toAbsolutePath().normalize();
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        Devnet running() {
            return attempt(() -> Devnet.running(path())).orElseThrow(() -> new CliFailure(1,
                    "no devnet is running for " + path() + "; start one with: firebreak devnet up"));
        }
    }

    @Command(name = "up", description = "Start anvil and the sidecar in the background, deploy the stack, write the chain profile.")
    static final class Up implements Callable<Integer> {
        @picocli.CommandLine.Mixin DataDir options;

        @Override
        public Integer call() {
            Optional<Devnet> running = attempt(() -> Devnet.running(options.path()));
            if (running.isPresent() && !running.get().orphaned()) {
                options.out().println("The devnet is already running for " + options.path() + ".");
                describe(running.get(), options.out());
                return 0;
            }
            running.ifPresent(Devnet::down);   // its owner (a server) died: it is about to stop by itself
            long start = System.nanoTime();
            Devnet devnet = attempt(() -> Devnet.up(Devnet.Options.detached(options.path(), sidecarCommand(), null)));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            options.out().printf("Devnet chain %d is up in %.1f s (stop it with: firebreak devnet down).%n",
                    devnet.profile().chainId(), took.toMillis() / 1000.0);
            describe(devnet, options.out());
            devnet.close();
            return 0;
        }
    }

    @Command(name = "down", description = "Stop the devnet's anvil and sidecar (by PID).")
    static final class Down implements Callable<Integer> {
        @picocli.CommandLine.Mixin DataDir options;

        @Override
        public Integer call() {
            Devnet devnet = options.running();
            DevnetState state = devnet.state();
            attempt(() -> {
                devnet.down();
                return null;
            });
            options.out().println("Devnet stopped (anvil pid " + state.anvilPid() + ", sidecar pid " + state.sidecarPid() + ").");
            return 0;
        }
    }

    @Command(name = "status", description = "Is the devnet running? Chain id, head block, endpoints and contracts.")
    static final class Status implements Callable<Integer> {
        @picocli.CommandLine.Mixin DataDir options;

        @Override
        public Integer call() {
            Devnet devnet = options.running();
            Devnet.Status status = devnet.status();
            options.out().printf("running: chain %d, block %s, anvil pid %d, sidecar pid %d (%s)%n", status.chainId(),
                    status.blockNumber(), status.anvilPid(), status.sidecarPid(), status.sidecar());
            describe(devnet, options.out());
            devnet.close();
            return 0;
        }
    }

    @Command(name = "fault", description = { "Inject a fault, or undo them all with 'clear'. Faults:",
            "  pause-delegation-manager, remove-entrypoint-code, replace-entrypoint-code, remove-factory-code,",
            "  stop-blocks, spike-base-fee, drain-paymaster, disable-delegation, rpc-fail, rpc-slow" })
    static final class FaultCommand implements Callable<Integer> {
        @picocli.CommandLine.Mixin DataDir options;
        @Parameters(paramLabel = "NAME", description = "a fault name, or clear") String name;

        @Override
        public Integer call() {
            Devnet devnet = options.running();
            try {
                DevnetFaults faults = devnet.faults();
                List<FaultReport> reports = "clear".equals(name) ? faults.clear()
                        : List.of(faults.inject(attempt(() -> Fault.of(name))));
                reports.forEach(options.out()::println);
            } catch (DevnetFailure e) {
                throw new CliFailure(1, e.getMessage());
            } finally {
                devnet.close();
            }
            return 0;
        }
    }

    /** The sidecar of a detached devnet, run by {@code devnet up} in its own JVM; not for people. */
    @Command(name = "sidecar", hidden = true)
    static final class SidecarCommand implements Callable<Integer> {
        @Unmatched List<String> args = new ArrayList<>();

        @Override
        public Integer call() {
            attempt(() -> {
                Devnet.runSidecar(args);
                return null;
            });
            return 0;
        }
    }

    /** The running devnet for {@code dataDir}, started (owned by this process) when there is none. */
    static Devnet devnetFor(Path dataDir) {
        Optional<Devnet> running = attempt(() -> Devnet.running(dataDir));
        if (running.isPresent() && !running.get().orphaned()) {
            return running.get();
        }
        running.ifPresent(Devnet::down);   // its owner died: it is about to stop by itself
        long owner = ProcessHandle.current().pid();
        return attempt(() -> Devnet.up(Devnet.Options.detached(dataDir, sidecarCommand(), owner)));
    }

    static void describe(Devnet devnet, PrintWriter out) {
        ChainProfile profile = devnet.profile();
        DevnetState state = devnet.state();
        DeployedStack stack = state.stack();
        out.println("  rpc:       primary   " + profile.rpc().get(0).url() + "  (fault-injecting proxy, sidecar pid "
                + state.sidecarPid() + ")");
        out.println("             secondary " + profile.rpc().get(1).url() + "  (anvil, pid " + state.anvilPid() + ")");
        out.println("  profile:   " + devnet.profilePath());
        out.println("  guardian:  " + (profile.guardian() == null ? "-" : profile.guardian().address()));
        Table contracts = new Table("CONTRACT", "ADDRESS");
        List<ContractRef> refs = new ArrayList<>(List.of(profile.contracts().entryPoint(), profile.contracts().accountFactory()));
        if (profile.contracts().paymaster() != null) {
            refs.add(profile.contracts().paymaster());
        }
        refs.add(profile.contracts().delegationManager());
        refs.addAll(profile.contracts().enforcers());
        refs.forEach(ref -> contracts.row(ref.name(), ref.address()));
        contracts.row("SimpleFactory", stack.simpleFactory());
        contracts.row("HybridDeleGator (implementation)", stack.hybridDeleGator());
        stack.smartAccounts().forEach(account -> contracts.row("smart account", account));
        contracts.print(out);
        out.println("delegations: " + String.join(", ", profile.delegations().stream().map(ChainProfile.WatchedDelegation::name).toList()));
        out.flush();
    }

    /**
     * The command that runs this same program's hidden {@code devnet sidecar} in a new, small JVM: {@code -jar} for
     * the Spring Boot jar, the class path and main class otherwise (tests, IDE).
     */
    static List<String> sidecarCommand() {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx64m"));
        String classPath = System.getProperty("java.class.path");
        if (SpringBootJar.is(classPath)) {
            command.addAll(List.of("-jar", Path.of(classPath).toAbsolutePath().toString()));
        } else {
            command.addAll(List.of("-cp", classPath, "org.firebreak.FirebreakApplication"));
        }
        command.addAll(List.of("devnet", "sidecar"));
        return command;
    }

    /** Runs a devnet call, turning its failures into the CLI's one-line errors. */
    static <T> T attempt(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (DevnetFailure e) {
            throw new CliFailure(1, e.getMessage());
        } catch (InvalidConfiguration e) {
            throw new CliFailure(1, "the devnet's files are damaged: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
