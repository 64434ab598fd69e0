package org.firebreak.chain;

import java.nio.file.Path;

import org.firebreak.shared.InvalidConfiguration;
import org.firebreak.shared.YamlDocuments;

/** Reads a chain profile as Firebreak does at start-up, without a server: for {@code firebreak check --config-dir}. */
public final class ChainProfileCheck {

    private ChainProfileCheck() {
    }

    /**
     * What the profile configures, in one line.
     *
     * @throws InvalidConfiguration naming the file, line and field of the first problem
     */
    public static String check(Path file) {
        ChainProfile profile = YamlDocuments.read(file, ChainProfile.class);
        return "chain " + profile.chainId() + ", " + profile.rpc().size() + " RPC endpoint(s), "
                + profile.contracts().entryPoints().size() + " EntryPoint(s), "
                + (profile.guardian() == null ? "no guardian (watch only)" : "a guardian for \"Pause system\"");
    }
}
