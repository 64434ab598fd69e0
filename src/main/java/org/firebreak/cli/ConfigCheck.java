package org.firebreak.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.firebreak.chain.ChainProfileCheck;
import org.firebreak.chain.Diagnostics;
import org.firebreak.comms.StakeholderFileCheck;
import org.firebreak.detection.RuleFilesCheck;
import org.firebreak.notify.ChannelServers;
import org.firebreak.notify.TemplatesCheck;
import org.firebreak.oncall.OnCallFileCheck;
import org.firebreak.playbook.PlaybookCatalog;
import org.firebreak.playbook.PlaybookSettings;
import org.firebreak.shared.IncidentType;
import org.firebreak.shared.InvalidConfiguration;
import org.firebreak.shared.ProductionSecrets;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Every operator file of a configuration directory read as Firebreak reads it at start-up, without a server: the
 * chain profile, playbooks, rules, on-call, the channels' settings, stakeholders and message templates. Each file's first problem is
 * printed with its file, line and field; the rest go on being checked, so one run shows every broken file.
 */
final class ConfigCheck {

    enum Outcome {
        OK, FAIL, WARN, ABSENT
    }

    /** @param warnings lines printed below the table: what works but will not reach someone */
    record Result(String what, Path where, Outcome outcome, String detail, List<String> warnings) {

        Result(String what, Path where, Outcome outcome, String detail) {
            this(what, where, outcome, detail, List.of());
        }
    }

    private final Path dir;
    private final @Nullable Path chainProfile;

    /** @param chainProfile the chain profile to read, or null for {@code <dir>/chain-profile.yml} when it exists */
    ConfigCheck(Path dir, @Nullable Path chainProfile) {
        this.dir = dir.toAbsolutePath().normalize();
        this.chainProfile = chainProfile;
    }

    List<Result> run() {
        if (!Files.isDirectory(dir)) {
            throw new CliFailure(2, "--config-dir: " + dir + " is not a directory");
        }
        List<Result> results = new ArrayList<>();
        Path profile = chainProfile != null ? chainProfile.toAbsolutePath().normalize() : dir.resolve("chain-profile.yml");
        results.add(file("chain profile", profile, "no chain profile: the devnet's, or FIREBREAK_RPC_URL's",
                () -> ChainProfileCheck.check(profile)));
        Path playbooks = dir.resolve("playbooks");
        Set<IncidentType> types = new HashSet<>(new PlaybookCatalog(new PlaybookSettings(dir.resolve(".none"))).knownTypes());
        results.add(directory("playbooks", playbooks, "the shipped playbooks only", () -> {
            PlaybookCatalog catalog = new PlaybookCatalog(new PlaybookSettings(playbooks));
            types.addAll(catalog.knownTypes());
            return catalog.all().size() + " playbooks, incident types " + catalog.knownTypes().size();
        }));
        Path rules = dir.resolve("rules");
        results.add(directory("rules", rules, "the shipped rules only",
                () -> RuleFilesCheck.check(rules, Set.copyOf(Diagnostics.NAMES), types)));
        Path oncall = dir.resolve("oncall.yml");
        results.add(file("on-call", oncall, "the shipped devnet on-call (alice, bob, carol)",
                () -> OnCallFileCheck.check(oncall)));
        results.add(channels(oncall, results.getLast().outcome() != Outcome.FAIL));
        Path stakeholders = dir.resolve("stakeholders.yml");
        results.add(file("stakeholders", stakeholders, "the shipped devnet stakeholder groups",
                () -> StakeholderFileCheck.check(stakeholders)));
        Path templates = dir.resolve("templates");
        results.add(directory("templates", templates, "the shipped templates", () -> TemplatesCheck.check(templates)));
        return results;
    }

    /**
     * The channels' settings as the server binds them (the shipped application.yml, then {@code DIR/application.yml}
     * or {@code .properties}, then the environment and its {@code *_FILE} variables): a malformed one fails; an
     * on-call contact whose channel has no server configured is a warning, as the server says at start-up.
     */
    private Result channels(Path oncall, boolean oncallReadable) {
        ConfigurableEnvironment environment = environment();
        Path where = dir.resolve("application.yml");
        ChannelServers servers;
        try {
            servers = ChannelServers.from(environment);
        } catch (InvalidConfiguration e) {
            return new Result("channels", where, Outcome.FAIL, e.getMessage());
        }
        List<String> unreachable = oncallReadable ? OnCallFileCheck.unreachable(oncall, servers) : List.of();
        return unreachable.isEmpty() ? new Result("channels", where, Outcome.OK, servers.summary())
                : new Result("channels", where, Outcome.WARN, servers.summary() + "; " + unreachable.size()
                        + " on-call contact(s) go nowhere", unreachable);
    }

    private ConfigurableEnvironment environment() {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        List<Resource> files = List.of(new ClassPathResource("application.yml"),
                new FileSystemResource(dir.resolve("application.yml")),
                new FileSystemResource(dir.resolve("application.properties")));
        for (Resource file : files) {
            if (!file.exists()) {
                continue;
            }
            try {
                List<PropertySource<?>> loaded = file.getFilename() != null && file.getFilename().endsWith(".properties")
                        ? new PropertiesPropertySourceLoader().load(file.getDescription(), file)
                        : new YamlPropertySourceLoader().load(file.getDescription(), file);
                // a later file or document before the earlier ones, all after the environment and system properties
                loaded.forEach(source -> sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source));
            } catch (IOException | RuntimeException e) {
                throw new CliFailure(2, file.getDescription() + " cannot be read: " + e.getMessage());
            }
        }
        ProductionSecrets.secretFiles(environment);
        return environment;
    }

    /** Prints one line a file and a closing line; returns the exit status (1 when anything failed). */
    static int print(List<Result> results, PrintWriter out) {
        Table table = new Table("CHECK", "STATUS", "FILE", "WHAT");
        for (Result r : results) {
            table.row(r.what(), r.outcome().name(), r.where().toString(), r.detail());
        }
        table.print(out);
        for (Result r : results) {
            r.warnings().forEach(w -> out.println("warning: " + w));
        }
        long failed = results.stream().filter(r -> r.outcome() == Outcome.FAIL).count();
        out.println(failed == 0 ? "Configuration OK." : failed + " file(s) with a problem: fix them and check again.");
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private static Result file(String what, Path file, String absent, Supplier<String> check) {
        return Files.isRegularFile(file) ? checked(what, file, check)
                : new Result(what, file, Outcome.ABSENT, "absent: " + absent);
    }

    private static Result directory(String what, Path directory, String absent, Supplier<String> check) {
        return Files.isDirectory(directory) ? checked(what, directory, check)
                : new Result(what, directory, Outcome.ABSENT, "absent: " + absent);
    }

    private static Result checked(String what, Path where, Supplier<String> check) {
        try {
            return new Result(what, where, Outcome.OK, check.get());
        } catch (InvalidConfiguration e) {
            return new Result(what, where, Outcome.FAIL, e.getMessage());
        }
    }
}
