package org.firebreak.devnet;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.firebreak.chain.EntryPointVersion;
import org.jspecify.annotations.Nullable;

/**
 * Where the project's npm folder {@code devnet/} is: the repository root comes from system property
 * {@code firebreak.home} or env {@code FIREBREAK_HOME} (the launcher sets it), else from walking up from the
 * working directory, then from the running code's location, to the first directory holding
 * {@code devnet/package.json}.
 */
record DevnetHome(Path root) {

    static final String NPM_HINT = "run npm ci in devnet/ (./firebreak does this for you)";

    static DevnetHome locate() {
        String given = System.getProperty("firebreak.home", System.getenv("FIREBREAK_HOME"));
        if (given != null && !given.isBlank()) {
            return new DevnetHome(Path.of(given).toAbsolutePath().normalize());
        }
        Path found = walkUp(Path.of("").toAbsolutePath());
        if (found == null) {
            found = walkUp(codeLocation());
        }
        if (found == null) {
            throw new DevnetFailure("cannot find the Firebreak checkout (devnet/package.json); set FIREBREAK_HOME");
        }
        return new DevnetHome(found);
    }

    private static @Nullable Path walkUp(@Nullable Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("devnet/package.json"))) {
                return dir;
            }
        }
        return null;
    }

    private static @Nullable Path codeLocation() {
        try {
            return Path.of(DevnetHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    Path nodeModules() {
        return root.resolve("devnet/node_modules");
    }

    /** The anvil binary of {@code @foundry-rs/anvil}'s platform package, e.g. anvil-linux-amd64. */
    Path anvil() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String platform = (os.contains("mac") ? "darwin" : os.contains("win") ? "win32" : "linux") + "-"
                + (arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "amd64");
        Path binary = nodeModules().resolve("@foundry-rs/anvil-" + platform + "/bin/anvil");
        if (!Files.isExecutable(binary)) {
            throw new DevnetFailure("anvil is not installed at " + binary + ": " + NPM_HINT);
        }
        return binary;
    }

    Path accountAbstractionArtifact(String contract) {
        return accountAbstractionArtifact(EntryPointVersion.V07, contract);
    }

    /**
     * A hardhat artifact of that release of {@code @account-abstraction/contracts}: v0.7 under its own name, v0.8
     * and v0.9 under the npm aliases {@code contracts-v08} and {@code contracts-v09} (devnet/package.json).
     */
    Path accountAbstractionArtifact(EntryPointVersion release, String contract) {
        String folder = switch (release) {
            case V07 -> "@account-abstraction/contracts";
            case V08 -> "contracts-v08";
            case V09 -> "contracts-v09";
        };
        return required(nodeModules().resolve(folder + "/artifacts/" + contract + ".json"));
    }

    Path delegationAbi(String contract) {
        return required(nodeModules().resolve("@metamask/delegation-abis/dist/abis/" + contract + ".mjs"));
    }

    Path delegationBytecode(String contract) {
        return required(nodeModules().resolve("@metamask/delegation-abis/dist/bytecode/" + contract + ".mjs"));
    }

    private static Path required(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DevnetFailure("contract artifact " + file + " is missing: " + NPM_HINT);
        }
        return file;
    }
}
