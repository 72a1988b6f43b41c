package io.fetchbox.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fetchbox.batch.BatchRegistry;
import io.fetchbox.batch.Lifecycle;
import io.fetchbox.batch.OnceWatch;
import io.fetchbox.batch.OutputClaims;
import io.fetchbox.batch.RunVerdict;
import io.fetchbox.batch.RunningBatches;
import io.fetchbox.fetch.FileState;
import io.fetchbox.fetch.OutputFolder;
import io.fetchbox.naming.Layout;
import io.fetchbox.report.BatchEvents;
import io.fetchbox.report.BatchFed;
import io.fetchbox.report.FailureLog;
import io.fetchbox.report.ReportFiles;
import io.fetchbox.testing.SpecialFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.component.file.FileConsumer;
import org.apache.camel.component.file.GenericFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox filter on entries that are not lists, as Camel's file consumer hands them over. */
class InboxFilterTest {
    @TempDir
    Path dir;

    Path inbox;
    RunVerdict verdict;
    final Lifecycle lifecycle = new Lifecycle();
    BatchRegistry batches;

    @BeforeEach
    void folders() throws IOException {
        inbox = Files.createDirectories(dir.resolve("inbox"));
        verdict = new RunVerdict();
    }

    @Test
    void aFileThatVanishedAfterTheListingIsNotTakenAndNothingIsSetAside() {
        InboxFilter filter = filter(OnceWatch.service());

        assertThat(filter.accept(listed("gone.txt"))).isFalse();
        assertThat(filter.accept(listed("gone.txt"))).isFalse();

        assertThat(inbox.resolve(".error")).doesNotExist();
        assertThat(verdict.exitCode()).isZero();
    }

    @Test
    void aOneShotRunStopsWaitingForAListedFileThatVanished() {
        AtomicBoolean allDone = new AtomicBoolean();
        OnceWatch once = OnceWatch.once(Set.of("gone.txt"), () -> allDone.set(true));
        once.started();

        assertThat(filter(once).accept(listed("gone.txt"))).isFalse();

        assertThat(allDone).isTrue();
    }

    @Test
    void anOddFileThatCannotBeMovedIsSkippedEveryPollAndStaysPut() throws IOException {
        // .error/ cannot be made: a file holds its name
        Files.writeString(inbox.resolve(".error"), "not a folder\n");
        Path link = SpecialFiles.symlink(inbox.resolve("gone.txt"), Path.of("/nonexistent/x.txt"));
        InboxFilter filter = filter(OnceWatch.service());

        for (int poll = 0; poll < 3; poll++) {
            assertThat(filter.accept(listed("gone.txt"))).isFalse();
        }

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(verdict.exitCode()).as("exit code of a one-shot run").isEqualTo(2);
    }

    @Test
    void anOddFileIsSetAsideWithItsNote() throws IOException {
        SpecialFiles.symlink(inbox.resolve("gone.txt"), Path.of("/nonexistent/x.txt"));

        assertThat(filter(OnceWatch.service()).accept(listed("gone.txt"))).isFalse();

        assertThat(Files.isSymbolicLink(inbox.resolve(".error/gone.txt"))).isTrue();
        assertThat(Files.exists(inbox.resolve("gone.txt"), LinkOption.NOFOLLOW_LINKS))
                .isFalse();
        assertThat(inbox.resolve(".error/gone.txt.error.txt"))
                .content()
                .isEqualTo("gone.txt is a broken symbolic link: its target /nonexistent/x.txt does not exist;"
                        + " only regular files (or symbolic links to them) are lists\n");
    }

    /** Cluster mode: a new leader's inbox waits until its recover step has registered the interrupted batches. */
    @Test
    void noListIsTakenUntilTheInterruptedBatchesAreResumed() throws IOException {
        Files.writeString(inbox.resolve("a.txt"), "http://example.org/\n");
        filter(OnceWatch.service());
        AtomicBoolean resumed = new AtomicBoolean();
        InboxFilter filter = new InboxFilter(inbox, batches, OnceWatch.service(), lifecycle, verdict, resumed::get);

        assertThat(filter.accept(listed("a.txt"))).isFalse();
        resumed.set(true);
        assertThat(filter.accept(listed("a.txt"))).isTrue();
    }

    @Test
    void aRegularFileIsAList() throws IOException {
        Files.writeString(inbox.resolve("a.txt"), "http://example.org/\n");
        assertThat(filter(OnceWatch.service()).accept(listed("a.txt"))).isTrue();
    }

    private GenericFile<Object> listed(String name) {
        @SuppressWarnings("unchecked")
        GenericFile<Object> file = (GenericFile<Object>) (GenericFile<?>)
                FileConsumer.asGenericFile(inbox.toString(), new File(inbox.toFile(), name), null, false);
        return file;
    }

    @Test
    void aFolderIsNoListAndIsLeftAlone() throws IOException {
        Files.createDirectories(inbox.resolve("sub.txt"));

        assertThat(filter(OnceWatch.service()).accept(listed("sub.txt"))).isFalse();

        assertThat(inbox.resolve("sub.txt")).isDirectory();
        assertThat(inbox.resolve(".error")).doesNotExist();
        assertThat(verdict.exitCode()).isZero();
    }

    @Test
    void aStoppingServiceTakesNoList() throws IOException {
        Files.writeString(inbox.resolve("a.txt"), "http://example.org/\n");
        InboxFilter filter = filter(OnceWatch.service());

        lifecycle.stopping();

        assertThat(filter.accept(listed("a.txt"))).isFalse();
    }

    @Test
    void hiddenFilesAndTemporariesAreNoListsAndStayPut() throws IOException {
        InboxFilter filter = filter(OnceWatch.service());
        for (String name : List.of(".a.txt", "a.txt.part", "a.txt.tmp", "a.txt~", "a.crdownload", "a.txt.camellock")) {
            Files.writeString(inbox.resolve(name), "http://example.org/\n");

            assertThat(filter.accept(listed(name))).as(name).isFalse();
            assertThat(inbox.resolve(name)).as(name).exists();
        }
        assertThat(inbox.resolve(".error")).doesNotExist();
    }

    @Test
    void aOneShotRunTakesOnlyTheListsThatWereWaitingAtItsStart() throws IOException {
        Files.writeString(inbox.resolve("a.txt"), "http://example.org/\n");
        Files.writeString(inbox.resolve("later.txt"), "http://example.org/\n");
        InboxFilter filter = filter(OnceWatch.once(Set.of("a.txt"), () -> {}));

        assertThat(filter.accept(listed("later.txt"))).isFalse();
        assertThat(filter.accept(listed("a.txt"))).isTrue();
    }

    @Test
    void aListWaitsWhileABatchOfItsNameRunsAndIsTakenOnceItFinished() throws IOException {
        InboxFilter filter = filter(OnceWatch.service());
        Path running = Files.writeString(
                Files.createDirectories(inbox.resolve(".inprogress")).resolve("a.txt"), "http://example.org/\n");
        batches.open(running.toString(), "a.txt");
        Files.writeString(inbox.resolve("a.csv"), "url\nhttp://example.org/\n");

        assertThat(filter.accept(listed("a.csv"))).as("batch a runs").isFalse();

        BatchFed fed = new BatchFed("a", 0, true);
        batches.record(fed);
        assertThat(batches.finish(fed)).isNotNull();
        assertThat(filter.accept(listed("a.csv"))).isTrue();
    }

    @Test
    void aListWaitsWhileAnInterruptedRunOfItsNameIsInProgress() throws IOException {
        Path inProgress = Files.createDirectories(inbox.resolve(".inprogress"));
        Files.writeString(inProgress.resolve("a.txt"), "http://example.org/\n");
        Files.writeString(inbox.resolve("a.txt"), "http://example.org/\n");

        assertThat(filter(OnceWatch.service()).accept(listed("a.txt"))).isFalse();
    }

    @Test
    void aFolderInProgressHoldsNoBatchName() throws IOException {
        Files.createDirectories(inbox.resolve(".inprogress/b"));
        Files.writeString(inbox.resolve("b.txt"), "http://example.org/\n");

        assertThat(filter(OnceWatch.service()).accept(listed("b.txt"))).isTrue();
    }

    private InboxFilter filter(OnceWatch onceWatch) {
        Path reports = dir.resolve("reports");
        Path output = dir.resolve("output");
        FileState state = new FileState(reports);
        batches = new BatchRegistry(
                inbox,
                output,
                state,
                new ReportFiles(reports),
                Layout.BATCH,
                false,
                new OutputClaims(new OutputFolder(output), state, false),
                verdict,
                onceWatch,
                new FailureLog(),
                () -> null,
                new RunningBatches(),
                BatchEvents.NONE);
        return new InboxFilter(inbox, batches, onceWatch, lifecycle, verdict);
    }
}
