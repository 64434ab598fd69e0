package org.firebreak.detection;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.firebreak.detection.rules.RuleCatalog;
import org.firebreak.shared.IncidentType;
import org.firebreak.shared.InvalidConfiguration;

/** Reads the rule files as Firebreak does at start-up, without a server: for {@code firebreak check --config-dir}. */
public final class RuleFilesCheck {

    private RuleFilesCheck() {
    }

    /**
     * The shipped rules with the directory's files over them, checked against these diagnostics and incident types.
     *
     * @throws InvalidConfiguration naming the file and field of the first problem
     */
    public static String check(Path directory, Set<String> diagnostics, Set<IncidentType> types) {
        RuleCatalog catalog = new RuleCatalog(directory, new HashSet<>(diagnostics), types);
        return catalog.all().size() + " rules (" + catalog.enabled().size() + " enabled)";
    }
}
