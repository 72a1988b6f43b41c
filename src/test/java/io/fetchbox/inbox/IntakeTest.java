package io.fetchbox.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fetchbox.batch.OnceWatch;
import io.fetchbox.batch.RunVerdict;
import io.fetchbox.list.ListRefusedException;
import io.fetchbox.testing.SpecialFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * intake.check, refuse and cannotStart as routes/inbox.camel.yaml calls them, with the list already
 * moved to {@code inbox/.inprogress/} (the consumer's preMove): its absolute path and its name.
 */
class IntakeTest {
    private static final long MAX_LIST_BYTES = 100;

    @TempDir
    Path dir;

    Path inbox;
    Path inProgress;
    final RunVerdict verdict = new RunVerdict();
    final AtomicBoolean onceDone = new AtomicBoolean();
    Intake intake;

    @BeforeEach
    void intake() throws IOException {
        inbox = Files.createDirectories(dir.resolve("inbox"));
        inProgress = Files.createDirectories(inbox.resolve(".inprogress"));
        OnceWatch once = OnceWatch.once(Set.of("list.txt"), () -> onceDone.set(true));
        intake = new Intake(inbox, MAX_LIST_BYTES, verdict, once);
    }

    @Test
    void aListWithinTheLimitsPassesTheCheck() throws IOException {
        Path list = Files.writeString(inProgress.resolve("list.txt"), "http://example.org/a.bin\n");

        assertThatCode(() -> intake.check(list.toString(), "list.txt")).doesNotThrowAnyException();
    }

    @Test
    void aListOverMaxListBytesIsRefusedSayingItsSize() throws IOException {
        Path list = Files.writeString(inProgress.resolve("list.txt"), "http://example.org/" + "a".repeat(81) + "\n");

        ListRefusedException refused = refusal(list, "list.txt");

        assertThat(refused).hasMessage("list is 101 bytes, over fetchbox.max-list-bytes (100 bytes)");
    }

    @Test
    void aListOfExactlyMaxListBytesIsTaken() throws IOException {
        Path list = Files.writeString(inProgress.resolve("list.txt"), "http://example.org/" + "a".repeat(80) + "\n");
        assertThat(list).hasSize(MAX_LIST_BYTES);

        assertThatCode(() -> intake.check(list.toString(), "list.txt")).doesNotThrowAnyException();
    }

    @Test
    void aListWithANulByteIsRefused() throws IOException {
        Path list = Files.write(inProgress.resolve("list.txt"), "http://example.org/\n\0\n".getBytes());

        assertThat(refusal(list, "list.txt")).hasMessage("contains a NUL byte at line 2 (byte offset 20)");
    }

    @Test
    void aCsvListWithoutAUrlColumnIsRefused() throws IOException {
        Path list = Files.writeString(inProgress.resolve("list.csv"), "name,dir\na,b\n");

        assertThat(refusal(list, "list.csv").getMessage()).containsIgnoringCase("url");
    }

    @Test
    void somethingPutInProgressThatIsNoRegularFileIsRefusedUnopened() {
        Path socket = SpecialFiles.socket(inProgress.resolve("list.txt"));

        ListRefusedException refused = refusal(socket, "list.txt");

        assertThat(refused.getMessage()).startsWith("list.txt is ").contains("socket");
    }

    @Test
    void aRefusedListGoesToErrorWithANoteSayingWhy() throws IOException {
        Path list = Files.writeString(inProgress.resolve("list.txt"), "http://example.org/" + "a".repeat(200) + "\n");
        ListRefusedException why = refusal(list, "list.txt");

        intake.refuse(list.toString(), "list.txt", why);

        assertThat(list).doesNotExist();
        assertThat(inbox.resolve(".error/list.txt")).hasSize(220);
        assertThat(inbox.resolve(".error/list.txt.error.txt"))
                .content()
                .isEqualTo("list.txt is not a list fetchbox can read:"
                        + " list is 220 bytes, over fetchbox.max-list-bytes (100 bytes)\n");
        assertThat(verdict.exitCode()).as("exit code of a one-shot run").isEqualTo(2);
        assertThat(onceDone).as("a one-shot run waits for it no longer").isTrue();
    }

    @Test
    void aRefusedListWhoseNameIsTakenInErrorGetsAStampedName() throws IOException {
        Files.createDirectories(inbox.resolve(".error"));
        Files.writeString(inbox.resolve(".error/list.txt"), "an earlier list\n");
        Path list = Files.write(inProgress.resolve("list.txt"), new byte[] {0});

        intake.refuse(list.toString(), "list.txt", refusal(list, "list.txt"));

        assertThat(inbox.resolve(".error/list.txt")).hasContent("an earlier list");
        try (Stream<Path> files = Files.list(inbox.resolve(".error"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anySatisfy(name -> assertThat(name).matches("list\\.\\d{8}T\\d{6}Z\\.txt"))
                    .anySatisfy(name -> assertThat(name).matches("list\\.\\d{8}T\\d{6}Z\\.txt\\.error\\.txt"));
        }
    }

    @Test
    void aListWhoseBatchCannotStartGoesToErrorWithTheReason() throws IOException {
        Path list = Files.writeString(inProgress.resolve("list.txt"), "http://example.org/a.bin\n");

        intake.cannotStart(list.toString(), "list.txt", new IllegalStateException("batch list is already running"));

        assertThat(list).doesNotExist();
        assertThat(inbox.resolve(".error/list.txt")).hasContent("http://example.org/a.bin");
        assertThat(inbox.resolve(".error/list.txt.error.txt"))
                .content()
                .isEqualTo("fetchbox could not start a batch for list.txt:"
                        + " java.lang.IllegalStateException: batch list is already running\n");
        assertThat(verdict.exitCode()).isEqualTo(2);
        assertThat(onceDone).isTrue();
    }

    private ListRefusedException refusal(Path list, String name) {
        return catchThrowableOfType(ListRefusedException.class, () -> intake.check(list.toString(), name));
    }
}
