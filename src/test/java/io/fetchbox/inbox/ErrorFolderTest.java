package io.fetchbox.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fetchbox.testing.SpecialFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** inbox/.error/: nothing there is replaced, and nothing goes through a link. */
class ErrorFolderTest {
    @TempDir
    Path inbox;

    @Test
    void aFileIsMovedWithItsNote() throws IOException {
        Path file = Files.writeString(inbox.resolve("a.txt"), "x\n");

        assertThat(new ErrorFolder(inbox).setAside(file, "a.txt", "why")).isEqualTo(Path.of(".error/a.txt"));

        assertThat(inbox.resolve(".error/a.txt")).hasContent("x");
        assertThat(inbox.resolve(".error/a.txt.error.txt")).hasContent("why");
        assertThat(file).doesNotExist();
    }

    @Test
    void aNameTakenThereEvenByABrokenLinkGetsATimeStamp() throws IOException {
        Path errors = Files.createDirectories(inbox.resolve(".error"));
        SpecialFiles.symlink(errors.resolve("a.txt"), Path.of("/nonexistent/a.txt"));
        Path file = Files.writeString(inbox.resolve("a.txt"), "x\n");

        Path moved = new ErrorFolder(inbox).setAside(file, "a.txt", "why");

        assertThat(moved.getFileName().toString()).matches("a\\.\\d{8}T\\d{6}Z\\.txt");
        assertThat(Files.isSymbolicLink(errors.resolve("a.txt"))).isTrue();
        assertThat(inbox.resolve(moved)).hasContent("x");
    }

    @Test
    void aNoteIsNeverWrittenThroughALink() throws IOException {
        Path errors = Files.createDirectories(inbox.resolve(".error"));
        Path victim = Files.writeString(inbox.getParent().resolve(inbox.getFileName() + "-victim"), "mine\n");
        SpecialFiles.symlink(errors.resolve("a.txt.error.txt"), victim);
        Path file = Files.writeString(inbox.resolve("a.txt"), "x\n");

        Path moved = new ErrorFolder(inbox).setAside(file, "a.txt", "why");

        assertThat(moved).isNotEqualTo(Path.of(".error/a.txt"));
        assertThat(inbox.resolve(moved + ".error.txt")).hasContent("why");
        assertThat(victim).hasContent("mine");
        Files.delete(victim);
    }

    @Test
    void manyFilesOfOneNameInOneSecondKeepEachOther() throws IOException {
        ErrorFolder errors = new ErrorFolder(inbox);
        for (int i = 0; i < 4; i++) {
            errors.setAside(Files.writeString(inbox.resolve("a.txt"), i + "\n"), "a.txt", "why " + i);
        }
        try (var names = Files.list(inbox.resolve(".error"))) {
            assertThat(names.filter(p -> !p.toString().endsWith(".error.txt")).map(Files::isRegularFile))
                    .hasSize(4);
        }
    }

    @Test
    void aLinkInPlaceOfTheFolderIsRefused() throws IOException {
        Path elsewhere = Files.createDirectories(inbox.resolve("elsewhere"));
        SpecialFiles.symlink(inbox.resolve(".error"), elsewhere);
        Path file = Files.writeString(inbox.resolve("a.txt"), "x\n");

        assertThatThrownBy(() -> new ErrorFolder(inbox).setAside(file, "a.txt", "why"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(".error is not a folder");
        assertThat(file).exists();
        try (var moved = Files.list(elsewhere)) {
            assertThat(moved).isEmpty();
        }
    }
}
