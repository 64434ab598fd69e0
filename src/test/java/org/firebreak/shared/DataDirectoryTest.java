package org.firebreak.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may read the data directory: its owner only, whatever the umask said when it or its files were made. */
class DataDirectoryTest {

    @TempDir
    Path tmp;

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aNewDirectoryIsCreatedForItsOwnerOnly() throws Exception {
        Path dir = tmp.resolve("a/b/data");

        assertThat(DataDirectory.secure(dir)).isEmpty();

        assertThat(mode(dir)).isEqualTo("rwx------");
    }

    @Test
    void firebreaksOwnDirectoryAndFilesAreTightenedAndOthersLeftAlone() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("data"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path store = Files.writeString(dir.resolve("firebreak.mv.db"), "store");
        Path password = Files.writeString(dir.resolve("admin-password"), "secret");
        Path journal = Files.createDirectory(dir.resolve("alert-journal"));
        Path segment = Files.writeString(journal.resolve("repeats-000000000001.jsonl"), "{}");
        Path operators = Files.writeString(dir.resolve("notes.txt"), "the operators' own file");
        for (Path file : new Path[] { store, password, segment, operators }) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.setPosixFilePermissions(journal, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(DataDirectory.secure(dir)).isEmpty();

        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(mode(store)).isEqualTo("rw-------");
        assertThat(mode(password)).isEqualTo("rw-------");
        assertThat(mode(journal)).isEqualTo("rwx------");
        assertThat(mode(segment)).isEqualTo("rw-------");
        assertThat(mode(operators)).as("not one of Firebreak's files").isEqualTo("rw-r--r--");
    }

    @Test
    void aDirectoryThatIsNotFirebreaksIsLeftAsItIsWithAWarning() throws Exception {
        Path shared = Files.createDirectory(tmp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxr-x"));
        Files.writeString(shared.resolve("someone-elses.txt"), "x");

        assertThat(DataDirectory.secure(shared)).singleElement().asString()
                .contains(shared.toString()).contains("does not look like Firebreak's");

        assertThat(mode(shared)).isEqualTo("rwxrwxr-x");
    }
}
