package org.firebreak.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.firebreak.shared.web.Actor;
import org.firebreak.shared.web.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The way in on a new store. On first start (no account at all) it creates the admin account with a generated
 * password, written to {@code <data-dir>/admin-password} (owner-only). It keeps {@code <data-dir>/cli-token}, an admin
 * token for the command line on this machine, so whoever can read the data directory (and so the store itself) can
 * use the CLI without a sign-in. A configured {@code firebreak.access.bootstrap-token} (FIREBREAK_BOOTSTRAP_TOKEN)
 * becomes a token of the admin account, for automation that provisions a server.
 */
@Component
class AccessBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";
    static final String PASSWORD_FILE = "admin-password";
    static final String CLI_TOKEN_FILE = "cli-token";
    private static final Logger log = LoggerFactory.getLogger(AccessBootstrap.class);

    private final AccountApi accounts;
    private final Path dataDir;
    private final String bootstrapToken;
    private final boolean cliToken;

    AccessBootstrap(AccountApi accounts, @Value("${firebreak.data-dir}") Path dataDir,
            @Value("${firebreak.access.bootstrap-token:}") String bootstrapToken,
            @Value("${firebreak.access.cli-token:true}") boolean cliToken) {
        this.accounts = accounts;
        this.dataDir = dataDir;
        this.bootstrapToken = bootstrapToken;
        this.cliToken = cliToken;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.isEmpty()) {
            CreatedAccount admin = accounts.create(ADMIN, "Administrator", Role.ADMIN, null, true, Actor.SYSTEM);
            Path file = passwordFile();
            writeOwnerOnly(file, admin.generatedPassword() + "\n", true);
            log.info("First start: sign in as '{}' with the password in {} (change it on the Admin page)", ADMIN, file);
        }
        if (!bootstrapToken.isBlank()) {
            accounts.find(ADMIN).orElseGet(
                    () -> accounts.create(ADMIN, "Administrator", Role.ADMIN, null, false, Actor.SYSTEM).account());
            accounts.ensureToken(ADMIN, "bootstrap (firebreak.access.bootstrap-token)", bootstrapToken.strip(),
                    Actor.SYSTEM);
        }
        Path cli = cliTokenFile();
        if (cliToken && accounts.find(ADMIN).isPresent() && !Files.exists(cli)) {
            IssuedToken token = accounts.issueToken(ADMIN, "cli-token file in the data directory", null, Actor.SYSTEM);
            writeOwnerOnly(cli, token.token() + "\n", false);
        }
    }

    Path passwordFile() {
        return dataDir.resolve(PASSWORD_FILE);
    }

    Path cliTokenFile() {
        return dataDir.resolve(CLI_TOKEN_FILE);
    }

    private static void writeOwnerOnly(Path file, String content, boolean replace) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (replace) {
                Files.deleteIfExists(file);
            }
            try {
                Files.createFile(file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException raced) {
            // another node of the same data directory wrote it first
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
