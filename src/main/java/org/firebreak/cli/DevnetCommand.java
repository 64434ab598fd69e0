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
import org.firebreak.chain.EntryPointVersion;
import org.firebreak.devnet.DeployedStack;
import org.firebreak.devnet.Devnet;
import org.firebreak.devnet.DevnetFailure;
import org.firebreak.devnet.DevnetFaults;
import org.firebreak.devnet.DevnetState;
import org.firebreak.devnet.Fault;
import org.firebreak.devnet.FaultReport;
import org.firebreak.devnet.SentBundle;
import org.firebreak.devnet.SentOperations;
import org.firebreak.devnet.UserOperations;
import org.firebreak.shared.InvalidConfiguration;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Model.CommandSpec;

/** {@code firebreak devnet up|down|status|fault|userops}: the local chain-138 devnet with the smart-account stack. */
@Command(name = "devnet", mixinStandardHelpOptions = true,
        description = "The local chain-138 devnet: anvil with the real smart-account stack, and faults for drills.",
        subcommands = { DevnetCommand.Up.class, DevnetCommand.Down.class, DevnetCommand.Status.class,
                DevnetCommand.FaultCommand.class, DevnetCommand.UserOpsCommand.class, DevnetCommand.SidecarCommand.class })
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
            "  stop-blocks, spike-base-fee, drain-paymaster, disable-delegation, rpc-fail, rpc-slow,",
            "  fail-userops, high-gas-userop, expire-delegation-soon, transfer-ownership, wrong-chain-id, limit-log-range" })
    static final class FaultCommand implements Callable<Integer> {
        @picocli.CommandLine.Mixin DataDir options;
        @Parameters(paramLabel = "NAME", description = "a fault name, or clear") String name;
        @Option(names = "--count", paramLabel = "N",
                description = "fail-userops only: how many failing user operations (default " + DevnetFaults.FAILING_USEROPS + ")")
        Integer count;

        @Override
        public Integer call() {
            Fault fault = "clear".equals(name) ? null : attempt(() -> Fault.of(name));
            if (count != null && fault != Fault.FAIL_USEROPS) {
                throw new CliFailure(2, "--count applies to fail-userops only, not to " + name);
            }
            Devnet devnet = options.running();
            try {
                DevnetFaults faults = devnet.faults();
                List<FaultReport> reports = fault == null ? faults.clear()
                        : List.of(count != null ? faults.failUserOperations(count) : faults.inject(fault));
                reports.forEach(options.out()::println);
            } catch (DevnetFailure e) {
                throw new CliFailure(1, e.getMessage());
            } finally {
                devnet.close();
            }
            return 0;
        }
    }

    @Command(name = "userops", description = { "Send user operations through the devnet's EntryPoint.handleOps, as its "
            + "bundler (dev account 8): succeeding ones, failing ones (validation passes, the call reverts) and high-gas "
            + "ones (over 500,000 gas), in that order, in as few bundles as fit." })
    static final class UserOpsCommand implements Callable<Integer> {
        static final int MAX_OPERATIONS = 200;

        @picocli.CommandLine.Mixin DataDir options;
        @Option(names = "--succeed", paramLabel = "N", defaultValue = "0", description = "succeeding operations") int succeed;
        @Option(names = "--fail", paramLabel = "N", defaultValue = "0", description = "failing operations") int fail;
        @Option(names = "--high-gas", paramLabel = "N", defaultValue = "0", description = "operations using over 500,000 gas")
        int highGas;
        @Option(names = "--new-account", description = "send from a new account, deployed by its first operation, "
                + "instead of the devnet's user account") boolean newAccount;
        @Option(names = "--entry-point", paramLabel = "VERSION|ADDRESS", defaultValue = "v0.7", description = "the "
                + "EntryPoint to send through: v0.7 (default), v0.8 or v0.9, or its address; each has its own accounts, "
                + "SimpleAccounts of its release") String entryPoint;

        @Override
        public Integer call() {
            if (succeed < 0 || fail < 0 || highGas < 0) {
                throw new CliFailure(2, "counts cannot be negative: --succeed " + succeed + " --fail " + fail + " --high-gas " + highGas);
            }
            int total = succeed + fail + highGas;
            if (total == 0 || total > MAX_OPERATIONS) {
                throw new CliFailure(2, "give --succeed, --fail or --high-gas counts adding up to 1-" + MAX_OPERATIONS
                        + " operations, got " + total);
            }
            Devnet devnet = options.running();
            try {
                UserOperations operations = devnet.userOperations(release(devnet.state().stack(), entryPoint));
                SentOperations sent = attempt(() -> operations.send(newAccount ? operations.newAccount() : operations.account(),
                        succeed, fail, highGas));
                printSent(sent, operations.entryPoint().version().label() + " " + operations.entryPoint().entryPoint(),
                        options.out());
            } finally {
                devnet.close();
            }
            return 0;
        }
    }

    /** The release {@code --entry-point} names, by version or by the address of one of the devnet's EntryPoints. */
    static EntryPointVersion release(DeployedStack stack, String given) {
        if (given.startsWith("0x")) {
            return stack.entryPoints().stream().filter(e -> e.entryPoint().equalsIgnoreCase(given.strip()))
                    .map(DeployedStack.DeployedEntryPoint::version).findFirst()
                    .orElseThrow(() -> new CliFailure(2, "--entry-point " + given + " is none of the devnet's EntryPoints: "
                            + stack.entryPoints().stream().map(e -> e.version().label() + " " + e.entryPoint()).toList()));
        }
        try {
            return EntryPointVersion.of(given);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(2, "--entry-point " + e.getMessage());
        }
    }

    static void printSent(SentOperations sent, String entryPoint, PrintWriter out) {
        UserOperations.SmartAccount account = sent.account();
        out.printf("Sent %d user operation(s) from %s (SimpleAccount of %s, salt %s) through EntryPoint %s in %d bundle(s).%n",
                sent.operations().size(), account.address(), account.owner(), account.salt(), entryPoint, sent.bundles().size());
        Table bundles = new Table("BUNDLE", "TX", "BLOCK", "GAS USED", "OPS");
        Table ops = new Table("OP", "BUNDLE", "KIND", "NONCE", "SUCCESS", "GAS USED", "USEROPHASH", "NOTE");
        int no = 0;
        for (int b = 0; b < sent.bundles().size(); b++) {
            SentBundle bundle = sent.bundles().get(b);
            bundles.row(b + 1, bundle.txHash(), bundle.blockNumber(), bundle.gasUsed(), bundle.operations().size());
            for (SentBundle.Operation op : bundle.operations()) {
                String note = (op.accountDeployed() ? "account deployed" : "")
                        + (op.revertReason() == null ? "" : (op.accountDeployed() ? "; " : "") + "reverted: " + op.revertReason());
                ops.row(++no, b + 1, op.kind().id(), op.nonce(), op.success() ? "yes" : "no", op.actualGasUsed(),
                        op.userOpHash(), note);
            }
        }
        bundles.print(out);
        ops.print(out);
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
        List<ContractRef> refs = new ArrayList<>(profile.contracts().entryPoints().stream()
                .map(ChainProfile.EntryPoint::ref).toList());
        refs.add(profile.contracts().accountFactory());
        if (profile.contracts().paymaster() != null) {
            refs.add(profile.contracts().paymaster());
        }
        refs.add(profile.contracts().delegationManager());
        refs.addAll(profile.contracts().enforcers());
        refs.forEach(ref -> contracts.row(ref.name(), ref.address()));
        stack.laterEntryPoints().forEach(e -> contracts.row("SimpleAccountFactory " + e.version().label(), e.accountFactory()));
        contracts.row("SimpleFactory", stack.simpleFactory());
        contracts.row("HybridDeleGator (implementation)", stack.hybridDeleGator());
        stack.smartAccounts().forEach(account -> contracts.row("smart account", account));
        contracts.row("gas burner (high-gas user operations)", stack.gasBurner());
        if (stack.eip7702DeleGator() != null) {
            contracts.row("EIP7702StatelessDeleGator", stack.eip7702DeleGator());
            contracts.row("EIP-7702 account (served)", stack.delegatedAccount());
        }
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
