package org.firebreak.cli;

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
import org.firebreak.notify.TemplatesCheck;
import org.firebreak.oncall.OnCallFileCheck;
import org.firebreak.playbook.PlaybookCatalog;
import org.firebreak.playbook.PlaybookSettings;
import org.firebreak.shared.IncidentType;
import org.firebreak.shared.InvalidConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * Every operator file of a configuration directory read as Firebreak reads it at start-up, without a server: the
 * chain profile, playbooks, rules, on-call, stakeholders and message templates. Each file's first problem is
 * printed with its file, line and field; the rest go on being checked, so one run shows every broken file.
 */
final class ConfigCheck {

    enum Outcome {
        OK, FAIL, ABSENT
    }

    record Result(String what, Path where, Outcome outcome, String detail) {
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
        Path stakeholders = dir.resolve("stakeholders.yml");
        results.add(file("stakeholders", stakeholders, "the shipped devnet stakeholder groups",
                () -> StakeholderFileCheck.check(stakeholders)));
        Path templates = dir.resolve("templates");
        results.add(directory("templates", templates, "the shipped templates", () -> TemplatesCheck.check(templates)));
        return results;
    }

    /** Prints one line a file and a closing line; returns the exit status (1 when anything failed). */
    static int print(List<Result> results, PrintWriter out) {
        Table table = new Table("CHECK", "STATUS", "FILE", "WHAT");
        for (Result r : results) {
            table.row(r.what(), r.outcome().name(), r.where().toString(), r.detail());
        }
        table.print(out);
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
