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
 * service exits 0 once it has nothing in flight, not after its whole shutdown timeout. That timeout is
 * ten minutes here, so that waiting for it would overrun the test's generous wait for the exit: no
 * measured duration is asserted.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class InboxSigtermIT extends ProcessTest {
    /** Far less than the shutdown timeout of 10 min, far more than a stop with nothing in flight needs. */
    private static final Duration EXIT_WAIT = Duration.ofSeconds(60);

    @Test
    void sigtermWithAFifoInTheInboxExitsPromptly() throws Exception {
        Files.createDirectories(folders.inbox);
        Path fifo = SpecialFiles.fifo(folders.inbox.resolve("pipe.txt"));
        try (FetchboxProcess fetchbox = FetchboxProcess.in(dir)
                .start("--fetchbox.http-port=0", "--fetchbox.inbox-settle=50ms", "--fetchbox.shutdown-timeout=10m")) {
            Waits.until(
                    fetchbox,
                    server,
                    Duration.ofSeconds(30),
                    "the FIFO gone from the inbox",
                    () -> fetchbox.stdout().contains("fetchbox ready")
                            && !Files.exists(fifo, LinkOption.NOFOLLOW_LINKS));
            fetchbox.terminate();
            // a wait, not a measure: fails only if the exit waited for (a good part of) the 10 min
            int exit = fetchbox.waitFor(EXIT_WAIT);

            assertThat(exit)
                    .as("exit code after SIGTERM\n%s", fetchbox.describe())
                    .isZero();
            assertThat(fetchbox.stdout())
                    .as("nothing was in flight, so nothing waited for the timeout\n%s", fetchbox.describe())
                    .contains("0 download(s) in flight")
                    .doesNotContain("still in flight: cutting them");
            assertThat(Files.exists(folders.inbox.resolve(".error/pipe.txt"), LinkOption.NOFOLLOW_LINKS))
                    .as("the FIFO in .error/: %s", Folders.tree(folders.inbox))
                    .isTrue();
        }
    }
}
