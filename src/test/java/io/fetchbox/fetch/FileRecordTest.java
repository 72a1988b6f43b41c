package io.fetchbox.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A record recognises the file it describes by size and time, and, while replacing, the one before. */
class FileRecordTest {
    @TempDir
    Path dir;

    @Test
    void aFileIsRecognisedBySizeAndModificationTime() throws Exception {
        Path file = fileOf("twelve bytes", 1_700_000_000_000L);
        FileRecord record = new FileRecord("k", "u", null, null, 12, "s", 1_700_000_000_000L);

        assertThat(record.matches(attributes(file))).isTrue();
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_001_000L));
        assertThat(record.matches(attributes(file))).isFalse();
        assertThat(new FileRecord("k", "u", null, null, 13, "s", 1_700_000_001_000L).matches(attributes(file)))
                .isFalse();
        assertThat(new FileRecord("k", "u", null, null, 12, "s", null).matches(attributes(file)))
                .as("a record from before times were kept compares the size")
                .isTrue();
    }

    @Test
    void aRecordWrittenBeforeItsReplacingRenameStillRecognisesTheEarlierFile() throws Exception {
        Path earlierFile = fileOf("earlier", 1_700_000_000_000L);
        FileRecord earlier = new FileRecord("k", "u", null, null, 7, "s", 1_700_000_000_000L);
        FileRecord newer = new FileRecord("k", "u", null, null, 5, "t", 1_700_000_005_000L).replacing(earlier);

        // a crash between the record and the rename: the earlier file is still fetchbox's own
        assertThat(newer.matches(attributes(earlierFile))).isTrue();
        Path newerFile = fileOf("newer", 1_700_000_005_000L);
        assertThat(newer.matches(attributes(newerFile))).isTrue();
        assertThat(newer.matches(attributes(fileOf("other", 1_700_000_000_000L))))
                .isFalse();
    }

    @Test
    void aLinkIsNeverTheRecordedFile() throws Exception {
        Path target = fileOf("twelve bytes", 1_700_000_000_000L);
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);

        assertThat(new FileRecord("k", "u", null, null, 12, "s", null).matches(attributes(link)))
                .isFalse();
    }

    private Path fileOf(String content, long mtime) throws Exception {
        Path file = Files.writeString(Files.createTempFile(dir, "f", ""), content);
        Files.setLastModifiedTime(file, FileTime.fromMillis(mtime));
        return file;
    }

    private static BasicFileAttributes attributes(Path file) throws Exception {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }
}
