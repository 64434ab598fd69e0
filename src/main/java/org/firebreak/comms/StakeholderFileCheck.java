package org.firebreak.comms;

import java.nio.file.Path;

import org.firebreak.shared.InvalidConfiguration;
import org.firebreak.shared.YamlDocuments;

/** Reads a stakeholder file as Firebreak does at start-up, without a server: for {@code firebreak check --config-dir}. */
public final class StakeholderFileCheck {

    private StakeholderFileCheck() {
    }

    /**
     * The groups the file names, in one line.
     *
     * @throws InvalidConfiguration naming the file, line and field of the first problem
     */
    public static String check(Path file) {
        StakeholderFile parsed = YamlDocuments.read(file, StakeholderFile.class);
        return parsed.groups().size() + " stakeholder group(s)";
    }
}
