package io.fetchbox.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.component.file.GenericFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettledReadLockTest {
    private static final long NOW = 1_800_000_000_000L;

    @ParameterizedTest
    @CsvSource({
        // settle ms, modified ms before now, taken at once
        "1000, 1000, true",
        "1000, 3600000, true",
        "1000, 999, false",
        "1000, 0, false",
        // a time in the future proves nothing: watched like a file being written
        "1000, -5000, false",
        "0, 0, true",
        "0, -1, false"
    })
    void aFileStillForTheSettleTimeIsTakenAtOnce(long settle, long age, boolean settled) {
        SettledReadLock lock = new SettledReadLock(Duration.ofMillis(settle), Clock.systemUTC(), () -> false);
        assertThat(lock.isSettled(NOW - age, NOW)).isEqualTo(settled);
    }

    @ParameterizedTest
    @CsvSource({"1000", "0"})
    void aMissingFileIsNeverSettled(long settle) {
        // File.lastModified answers 0 for a file that is gone
        assertThat(new SettledReadLock(Duration.ofMillis(settle), Clock.systemUTC(), () -> false).isSettled(0, NOW))
                .isFalse();
    }

    @Test
    void aSettledListIsTakenUnlessTheServiceIsStopping(@TempDir Path inbox) throws Exception {
        Path list = Files.writeString(inbox.resolve("a.txt"), "http://example.org/\n");
        Files.setLastModifiedTime(list, FileTime.from(Instant.now().minusSeconds(60)));
        AtomicBoolean stopping = new AtomicBoolean();
        SettledReadLock lock = new SettledReadLock(Duration.ofSeconds(1), Clock.systemUTC(), stopping::get);

        assertThat(lock.acquireExclusiveReadLock(null, fileOf(list), null)).isTrue();
        stopping.set(true);
        assertThat(lock.acquireExclusiveReadLock(null, fileOf(list), null))
                .as("taken while stopping")
                .isFalse();
    }

    private static GenericFile<File> fileOf(Path path) throws IOException {
        GenericFile<File> file = new GenericFile<>();
        file.setAbsoluteFilePath(path.toAbsolutePath().toString());
        file.setFile(path.toFile());
        return file;
    }
}
