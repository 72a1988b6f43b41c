package io.fetchbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fetchbox.testing.SpecialFiles;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A FIFO in the inbox is set aside unopened, so that nothing of the inbox holds up a SIGTERM: the
 * service exits 0 within seconds, not after its whole shutdown timeout.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class InboxSigtermIT extends ProcessTest {
    /** Far less than the shutdown timeout of 30 s, far more than a stop with nothing in flight needs. */
    private static final Duration PROMPT = Duration.ofSeconds(10);

    @Test
    void sigtermWithAFifoInTheInboxExitsPromptly() throws Exception {
        Files.createDirectories(folders.inbox);
        Path fifo = SpecialFiles.fifo(folders.inbox.resolve("pipe.txt"));
        try (FetchboxProcess fetchbox = FetchboxProcess.in(dir)
                .start("--fetchbox.http-port=0", "--fetchbox.inbox-settle=50ms", "--fetchbox.shutdown-timeout=30s")) {
            Waits.until(
                    fetchbox,
                    server,
                    Duration.ofSeconds(30),
                    "the FIFO gone from the inbox",
                    () -> fetchbox.stdout().contains("fetchbox ready")
                            && !Files.exists(fifo, LinkOption.NOFOLLOW_LINKS));
            long signal = System.nanoTime();
            fetchbox.terminate();
            int exit = fetchbox.waitFor(Duration.ofSeconds(60));
            long millis = (System.nanoTime() - signal) / 1_000_000;

            assertThat(exit)
                    .as("exit code after SIGTERM\n%s", fetchbox.describe())
                    .isZero();
            assertThat(millis)
                    .as("ms from SIGTERM to exit, shutdown-timeout 30s\n%s", fetchbox.describe())
                    .isLessThan(PROMPT.toMillis());
            assertThat(Files.exists(folders.inbox.resolve(".error/pipe.txt"), LinkOption.NOFOLLOW_LINKS))
                    .as("the FIFO in .error/: %s", Folders.tree(folders.inbox))
                    .isTrue();
        }
    }
}
