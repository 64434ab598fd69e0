package org.firebreak.devnet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.firebreak.shared.YamlDocuments;

import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The devnet's files under {@code <data-dir>/devnet/}: the chain profile and the state, written as YAML the shared
 * loader reads back (paths as plain strings, durations as ISO-8601), each replaced atomically.
 */
final class DevnetFiles {

    static final String PROFILE = "chain-profile.yml";
    static final String STATE = "devnet-state.yml";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .addModule(new SimpleModule("devnet-files")
                    .addSerializer(Path.class, new ToStringSerializer(Path.class))
                    .addSerializer(Duration.class, new ToStringSerializer(Duration.class)))
            .build();

    private DevnetFiles() {
    }

    static void write(Path file, String header, Object value) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, header + YAML.writeValueAsString(value));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DevnetFailure("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static DevnetState readState(Path devnetDir) {
        return YamlDocuments.read(devnetDir.resolve(STATE), DevnetState.class);
    }
}
