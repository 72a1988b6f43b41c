package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fetchbox.testing.SpecialFiles;
import io.fetchbox.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbox never stalls (README, "The inbox"): a file that is not a regular file is set aside to
 * {@code .error/} with a note saying what it is, without being opened, and a list dropped next is
 * done within seconds.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class OddInboxFilesTest {
    private static final Duration WITHIN = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    TestServer server;
    Workspace ws;

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start();
        ws = new Workspace(dir);
        Files.createDirectories(ws.inbox);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aBrokenSymlinkIsSetAsideAndTheNextListIsDone() {
        afterOddFileTheNextListIsDone(
                inbox -> SpecialFiles.symlink(inbox.resolve("gone.txt"), Path.of("/nonexistent/x.txt")),
                "gone.txt is a broken symbolic link: its target /nonexistent/x.txt does not exist");
    }

    @Test
    void aFifoIsSetAsideUnopenedAndTheNextListIsDone() {
        afterOddFileTheNextListIsDone(
                inbox -> SpecialFiles.fifo(inbox.resolve("pipe.txt")),
                "pipe.txt is a FIFO (named pipe), not a regular file");
    }

    @Test
    void aSymlinkToAFifoIsSetAsideAndTheNextListIsDone() {
        afterOddFileTheNextListIsDone(
                inbox -> {
                    Path fifo = SpecialFiles.fifo(dir.resolve("elsewhere.fifo"));
                    return SpecialFiles.symlink(inbox.resolve("via.txt"), fifo);
                },
                "via.txt is a symbolic link to a FIFO (named pipe), not to a regular file");
    }

    @Test
    void aSocketIsSetAsideAndTheNextListIsDone() {
        afterOddFileTheNextListIsDone(
                inbox -> SpecialFiles.socket(inbox.resolve("sock.txt")), "sock.txt is a socket, not a regular file");
    }

    @Test
    void aSymlinkLoopIsSetAsideAndTheNextListIsDone() {
        afterOddFileTheNextListIsDone(
                inbox -> SpecialFiles.symlink(inbox.resolve("loop.txt"), Path.of("loop.txt")),
                "loop.txt is a symbolic link to loop.txt that cannot be followed");
    }

    @Test
    void aRelativeSymlinkThatWouldBreakInInprogressIsSetAside() {
        afterOddFileTheNextListIsDone(
                inbox -> {
                    write(dir.resolve("real.txt"), urls("r", 1));
                    return SpecialFiles.symlink(inbox.resolve("rel.txt"), Path.of("../real.txt"));
                },
                "rel.txt is a symbolic link to the relative path ../real.txt, which leads elsewhere once the list is"
                        + " moved to .inprogress/: link to an absolute path");
    }

    @Test
    void aFolderIsLeftAloneAndTheNextListIsDone() throws Exception {
        Files.createDirectories(ws.inbox.resolve("folder.txt"));
        try (ServiceRun service = new ServiceRun(ws.args())) {
            dropListAndAwaitItsSummary();
        }
        assertThat(ws.inbox.resolve("folder.txt")).isDirectory();
        assertThat(ws.inbox.resolve(".error")).doesNotExist();
    }

    @Test
    void aSymlinkToARegularFileIsAList() throws Exception {
        Path real = Files.writeString(dir.resolve("real.txt"), urls("linked", 2));
        try (ServiceRun service = new ServiceRun(ws.args())) {
            SpecialFiles.symlink(ws.inbox.resolve("linked.txt"), real);
            await().atMost(WITHIN).until(() -> ws.hasSummary("linked"));
        }
        assertThat(ws.report("linked")).hasSize(2);
        assertThat(ws.outputFiles()).containsExactlyInAnyOrder("linked/linked0.bin", "linked/linked1.bin");
    }

    @Test
    void aFifoLeftInInprogressIsSetAsideAtStartAndItsBatchNameIsFree() throws Exception {
        Path inProgress = Files.createDirectories(ws.inbox.resolve(".inprogress"));
        SpecialFiles.fifo(inProgress.resolve("next.txt"));
        try (ServiceRun service = new ServiceRun(ws.args())) {
            try {
                dropListAndAwaitItsSummary();
            } finally {
                releaseFifoReaders();
            }
        }
        assertSetAside("next.txt", "next.txt is a FIFO (named pipe), not a regular file");
    }

    @Test
    void onceSetsAsideAFifoAndExitsTwoAfterDoingTheLists() throws IOException {
        SpecialFiles.fifo(ws.inbox.resolve("pipe.txt"));
        ws.drop("next.txt", urls("n", 3));

        int exit;
        try {
            exit = ws.once();
        } finally {
            releaseFifoReaders();
        }

        assertThat(exit).as("exit code: a dropped file was not a list").isEqualTo(2);
        assertThat(ws.report("next")).hasSize(3);
        assertSetAside("pipe.txt", "pipe.txt is a FIFO (named pipe), not a regular file");
    }

    /** Makes an odd file in the running service's inbox, waits until it has left, then drops a list. */
    private void afterOddFileTheNextListIsDone(Function<Path, Path> oddFile, String note) {
        Path odd = null;
        try (ServiceRun service = new ServiceRun(ws.args())) {
            try {
                odd = oddFile.apply(ws.inbox);
                Path entry = odd;
                await("the odd file leaves the inbox")
                        .atMost(WITHIN)
                        .until(() -> !Files.exists(entry, LinkOption.NOFOLLOW_LINKS));
                dropListAndAwaitItsSummary();
            } finally {
                releaseFifoReaders();
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertSetAside(odd.getFileName().toString(), note);
    }

    private void dropListAndAwaitItsSummary() {
        ws.drop("next.txt", urls("n", 3));
        await("next.txt done").atMost(WITHIN).until(() -> ws.hasSummary("next"));
        assertThat(ws.report("next")).hasSize(3);
    }

    private void assertSetAside(String name, String note) {
        Path errors = ws.inbox.resolve(".error");
        assertThat(Files.exists(errors.resolve(name), LinkOption.NOFOLLOW_LINKS))
                .as("%s in .error/", name)
                .isTrue();
        assertThat(errors.resolve(name + ".error.txt")).content().contains(note);
    }

    /** If a FIFO was opened after all (the bug), lets its reader go so that the JVM is not left blocked. */
    private void releaseFifoReaders() {
        for (Path folder : new Path[] {ws.inbox, ws.inbox.resolve(".inprogress")}) {
            try (var entries = Files.list(folder)) {
                entries.filter(p -> !Files.isRegularFile(p) && !Files.isDirectory(p) && Files.exists(p))
                        .forEach(SpecialFiles::releaseReaders);
            } catch (IOException e) {
                // nothing there
            }
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String urls(String prefix, int count) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < count; i++) {
            list.append(server.url("/f/" + prefix + i + ".bin?size=100&seed=" + i))
                    .append('\n');
        }
        return list.toString();
    }
}
