package org.firebreak.chain;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.firebreak.shared.YamlDocuments;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The chain profile in force. It is re-read when its file changes, so a devnet restarted with new addresses is
 * picked up without restarting Firebreak; an invalid file is reported with file, line and field.
 */
@Component
class ChainProfiles {

    private final @Nullable Path file;
    private final @Nullable String rpcUrl;
    private volatile @Nullable Loaded loaded;

    ChainProfiles(ChainSettings settings) {
        this.file = settings.profile();
        this.rpcUrl = settings.rpcUrl() == null || settings.rpcUrl().isBlank() ? null : settings.rpcUrl().strip();
    }

    /** The profile, or empty when none is configured or its file does not exist (yet). */
    Optional<ChainProfile> current() {
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        FileTime modified = modified(file);
        Loaded now = loaded;
        if (now == null || !now.modified.equals(modified)) {
            ChainProfile profile = YamlDocuments.read(file, ChainProfile.class);
            if (rpcUrl != null) {
                profile = profile.withRpc(List.of(new ChainProfile.RpcEndpoint("configured", URI.create(rpcUrl))));
            }
            now = new Loaded(profile, modified);
            loaded = now;
        }
        return Optional.of(now.profile);
    }

    /** When the profile file last changed: part of "recent changes". */
    Optional<Instant> lastChanged() {
        Loaded now = loaded;
        return now == null ? Optional.empty() : Optional.of(now.modified.toInstant());
    }

    /** Where the profile is expected, for messages. */
    String describe() {
        return file == null ? "no chain profile configured (firebreak.chain.profile)" : file.toString();
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private record Loaded(ChainProfile profile, FileTime modified) {
    }
}
