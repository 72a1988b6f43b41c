package io.fetchbox.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fetchbox.inbox.FileType.Kind;
import io.fetchbox.testing.SpecialFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an inbox entry is, read without opening it, and how it is described in its note. */
class FileTypeTest {
    @TempDir
    Path dir;

    @Test
    void regularFilesAndLinksToThemAreLists() throws IOException {
        Path file = Files.writeString(dir.resolve("a.txt"), "x\n");
        assertThat(FileType.of(file).kind()).isEqualTo(Kind.LIST);
        assertThat(FileType.of(SpecialFiles.symlink(dir.resolve("b.txt"), file)).kind())
                .isEqualTo(Kind.LIST);
        assertThat(FileType.of(SpecialFiles.symlink(dir.resolve("c.txt"), Path.of("a.txt")))
                        .kind())
                .as("a relative link")
                .isEqualTo(Kind.LIST);
    }

    @Test
    void foldersAndLinksToThemAreFolders() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("d"));
        assertThat(FileType.of(folder).kind()).isEqualTo(Kind.DIRECTORY);
        assertThat(FileType.of(SpecialFiles.symlink(dir.resolve("e"), folder)).kind())
                .isEqualTo(Kind.DIRECTORY);
    }

    @Test
    void aFileThatIsGoneVanished() {
        assertThat(FileType.of(dir.resolve("never.txt")).kind()).isEqualTo(Kind.VANISHED);
    }

    @Test
    void specialFilesAreOddAndSaySo() {
        assertThat(FileType.of(SpecialFiles.fifo(dir.resolve("p"))))
                .isEqualTo(new FileType(Kind.ODD, "is a FIFO (named pipe), not a regular file"));
        assertThat(FileType.of(SpecialFiles.socket(dir.resolve("s"))))
                .isEqualTo(new FileType(Kind.ODD, "is a socket, not a regular file"));
        assertThat(FileType.of(SpecialFiles.symlink(dir.resolve("to-p"), dir.resolve("p"))))
                .isEqualTo(new FileType(Kind.ODD, "is a symbolic link to a FIFO (named pipe), not to a regular file"));
    }

    @Test
    void aDeviceIsOdd() {
        Path devNull = Path.of("/dev/null");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devNull));
        assertThat(FileType.of(devNull)).isEqualTo(new FileType(Kind.ODD, "is a character device, not a regular file"));
    }

    @Test
    void brokenAndLoopingLinksAreOdd() {
        assertThat(FileType.of(SpecialFiles.symlink(dir.resolve("gone.txt"), Path.of("/nonexistent/x.txt"))))
                .isEqualTo(new FileType(
                        Kind.ODD, "is a broken symbolic link: its target /nonexistent/x.txt does not exist"));
        FileType loop = FileType.of(SpecialFiles.symlink(dir.resolve("loop"), Path.of("loop")));
        assertThat(loop.kind()).isEqualTo(Kind.ODD);
        assertThat(loop.description()).startsWith("is a symbolic link to loop that cannot be followed (");
    }
}
