package io.fetchbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fetchbox.testing.HookReceiver;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SIGTERM while a summary is being sent to a webhook that never answers (fetchbox.notify): the notice gets what is
 * left of fetchbox.shutdown-timeout, is then given up with one warning, and the process exits; the batch is not
 * touched. The webhook's read-timeout is ten minutes here, so that only the shutdown timeout can end the notice
 * before the test's generous wait for the exit runs out: no measured duration is asserted.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class NotifySigtermIT extends ProcessTest {

    @Test
    void aWebhookThatNeverAnswersDoesNotHoldSigtermBeyondTheShutdownTimeout() {
        try (HookReceiver hook = HookReceiver.neverAnswering()) {
            folders.drop("pics.txt", server.url("/f/a.bin?size=10") + "\n");
            try (FetchboxProcess fetchbox = FetchboxProcess.in(dir)
                    .start(
                            "--fetchbox.http-port=0",
                            "--fetchbox.inbox-settle=50ms",
                            "--fetchbox.shutdown-timeout=1s",
                            "--fetchbox.read-timeout=10m",
                            "--fetchbox.notify=" + hook.url("/hook") + ",file:notices")) {
                Waits.until(
                        fetchbox,
                        server,
                        Duration.ofSeconds(30),
                        "the summary posted to the webhook",
                        () -> hook.received().size() == 1);
                fetchbox.terminate();
                // a wait, not a measure: fails only if the notice held the exit for the read-timeout's 10 min
                int exit = fetchbox.waitFor(Duration.ofSeconds(60));
                String log = fetchbox.describe();

                assertThat(exit).as("exit code after SIGTERM\n%s", log).isZero();
                assertThat(fetchbox.stdout())
                        .as("the notice given up\n%s", log)
                        .contains("WARN NoticeResults - pics: summary not sent to " + hook.url("/hook")
                                + " after 1 attempt: ")
                        .contains("INFO NoticeResults - pics: summary sent to file:notices");
                assertThat(folders.reports.resolve("pics.summary.json")).exists();
                assertThat(dir.resolve("notices/pics.summary.json"))
                        .hasSameBinaryContentAs(folders.reports.resolve("pics.summary.json"));
                assertThat(folders.inbox.resolve(".done/pics.txt")).exists();
            }
        }
    }
}
