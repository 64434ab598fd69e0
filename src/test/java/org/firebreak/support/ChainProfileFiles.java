package org.firebreak.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.firebreak.chain.ChainProfile;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Chain profiles written as an operator writes them, for {@code firebreak.chain.profile}: a variant of the devnet's
 * profile with one thing changed, written atomically (Firebreak re-reads the file when it changes, so a test may
 * rewrite it under a running context).
 */
public final class ChainProfileFiles {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .addModule(new SimpleModule("profile").addSerializer(Path.class, new ToStringSerializer(Path.class))
                    .addSerializer(Duration.class, new ToStringSerializer(Duration.class)))
            .build();

    private ChainProfileFiles() {
    }

    /** Writes {@code profile} to {@code file}, replacing it in one move. */
    public static Path write(Path file, ChainProfile profile) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.writeString(next, YAML.writeValueAsString(profile));
            return Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same profile with another guardian (null: none, a team that only watches) and these expected owners. */
    public static ChainProfile with(ChainProfile p, ChainProfile.@Nullable Guardian guardian, List<String> expectedOwners) {
        return new ChainProfile(p.chainId(), p.blockTime(), p.rpc(), p.contracts(), guardian, p.thresholds(),
                p.delegations(), p.follow(), p.accounts(), expectedOwners);
    }
}
