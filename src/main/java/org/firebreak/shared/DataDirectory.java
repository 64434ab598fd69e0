package org.firebreak.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/**
 * The data directory ({@code firebreak.data-dir}) holds the store (sessions, token hashes, the whole incident record),
 * the admin's generated password, the CLI token, the alert journal and the devnet's guardian key: only its owner may
 * enter it. Before anything opens a file there, the directory is created {@code rwx------}, or tightened to that when
 * it is Firebreak's (it holds Firebreak's files, or nothing) and open to others, and Firebreak's own files in it are
 * tightened to {@code rw-------} ({@code rwx------} for its folders). A directory that is not recognisably Firebreak's
 * (say {@code --data-dir /tmp} by mistake) is left as it is, with a warning. Nothing is done where the file system
 * has no POSIX permissions.
 */
public final class DataDirectory implements EnvironmentPostProcessor, Ordered {

    static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    /** What Firebreak writes at the top of its data directory. */
    static final List<String> OWN_FILES = List.of("firebreak.mv.db", "firebreak.trace.db", "firebreak.lock.db",
            "admin-password", "cli-token");
    static final List<String> OWN_FOLDERS = List.of("alert-journal", "devnet");

    private final Log log;

    public DataDirectory(DeferredLogFactory logs) {
        this.log = logs.getLog(DataDirectory.class);
    }

    @Override
    public int getOrder() {
        // after application.yml and the command line are read: they say where the directory is
        return ConfigDataEnvironmentPostProcessor.ORDER + 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty("firebreak.data-dir");
        if (configured == null || configured.isBlank()) {
            return;
        }
        Path dir = Path.of(configured).toAbsolutePath().normalize();
        // Pinned: a setting such as ./data/${random.uuid} would otherwise name another directory at each reading, and
        // the store, the journal and the password file must all be in this one.
        environment.getPropertySources().addFirst(new MapPropertySource("firebreakDataDirectory",
                Map.of("firebreak.data-dir", dir.toString())));
        try {
            secure(dir).forEach(log::warn);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the data directory " + configured + ": " + e.getMessage(), e);
        }
    }

    /** Creates or tightens the directory and Firebreak's files in it; answers warnings for what it left alone. */
    public static List<String> secure(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.getParent() == null ? dir : dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            } catch (UnsupportedOperationException notPosix) {
                Files.createDirectories(dir);
            }
            return List.of();
        }
        if (!Files.isDirectory(dir) || !posix(dir)) {
            return List.of();
        }
        if (!Files.getPosixFilePermissions(dir).equals(OWNER_ONLY_DIR)) {
            if (!ours(dir)) {
                return List.of("The data directory " + dir + " is open to other users and does not look like "
                        + "Firebreak's (no store in it), so it is left as it is: give Firebreak a directory of its own");
            }
            Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
        }
        for (String name : OWN_FILES) {
            tighten(dir.resolve(name), OWNER_ONLY_FILE);
        }
        for (String name : OWN_FOLDERS) {
            Path folder = dir.resolve(name);
            tighten(folder, OWNER_ONLY_DIR);
            if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                try (var files = Files.list(folder)) {
                    for (Path file : files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
                        tighten(file, OWNER_ONLY_FILE);
                    }
                }
            }
        }
        return List.of();
    }

    /** Empty, or holding at least one of Firebreak's files or folders. */
    private static boolean ours(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            List<String> names = entries.map(p -> p.getFileName().toString()).toList();
            return names.isEmpty() || names.stream().anyMatch(n -> OWN_FILES.contains(n) || OWN_FOLDERS.contains(n));
        }
    }

    private static void tighten(Path path, Set<PosixFilePermission> wanted) throws IOException {
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(path)
                && !Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(wanted)) {
            Files.setPosixFilePermissions(path, wanted);
        }
    }

    private static boolean posix(Path path) throws IOException {
        return Files.getFileStore(path).supportsFileAttributeView("posix");
    }

    /**
     * Once the application has started: the store's file, which the database created after the directory was
     * prepared (with the process's umask), and whatever else Firebreak wrote at start, are tightened too.
     */
    @Component
    static class AfterStart {

        private final Path dir;

        AfterStart(@Value("${firebreak.data-dir}") String dir) {
            this.dir = Path.of(dir).toAbsolutePath().normalize();
        }

        @EventListener(ApplicationStartedEvent.class)
        void started() throws IOException {
            if (Files.isDirectory(dir) && posix(dir) && Files.getPosixFilePermissions(dir).equals(OWNER_ONLY_DIR)) {
                secure(dir);
            }
        }
    }
}
