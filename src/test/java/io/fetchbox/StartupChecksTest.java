package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10: the folder checks of a start (README, "Configuration"), on real folders; they create nothing. */
class StartupChecksTest {
    @TempDir
    Path dir;

    @Test
    void aFolderThatDoesNotExistYetInAWritableOneIsFineAndIsNotCreated() throws IOException {
        Path inbox = dir.resolve("a/b/inbox");

        assertThat(StartupChecks.folder("fetchbox.inbox", inbox.toString(), inbox))
                .isEmpty();
        assertThat(dir.resolve("a")).doesNotExist();
        try (var left = Files.list(dir)) {
            assertThat(left).as("probe files left").isEmpty();
        }
    }

    @Test
    void aPathThroughAFileCannotBeAFolder() throws IOException {
        Files.writeString(dir.resolve("passwd"), "x");
        Path inbox = dir.resolve("passwd/inbox");

        assertThat(StartupChecks.folder("fetchbox.inbox", inbox.toString(), inbox))
                .contains("fetchbox.inbox=" + inbox + " cannot be a folder: " + dir.resolve("passwd") + " is a file");
    }

    @Test
    void aFileItselfCannotBeAFolder() throws IOException {
        Path output = Files.writeString(dir.resolve("output"), "x");

        assertThat(StartupChecks.folder("fetchbox.output", "output", output))
                .contains("fetchbox.output=output (" + output + ") cannot be a folder: it is a file");
    }

    @Test
    void aBrokenLinkCannotBeAFolder() throws IOException {
        Path reports = Files.createSymbolicLink(dir.resolve("reports"), dir.resolve("gone"));

        assertThat(StartupChecks.folder("fetchbox.reports", reports.toString(), reports))
                .contains("fetchbox.reports=" + reports + " cannot be a folder: " + reports + " is a broken link");
    }

    /** As root, permissions stop nothing; sysfs refuses to create a file for anyone (EACCES). */
    @Test
    void aFolderWhereNoFileCanBeCreatedIsNotWritable() {
        org.assertj.core.api.Assumptions.assumeThat(Files.isDirectory(Path.of("/sys/kernel")))
                .isTrue();
        Path output = Path.of("/sys/kernel/fetchbox-output");

        assertThat(StartupChecks.folder("fetchbox.output", output.toString(), output))
                .contains("fetchbox.output=" + output
                        + " is not writable: cannot create a file in /sys/kernel: Permission denied");
    }
}
