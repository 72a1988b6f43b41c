package io.fetchbox.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fetchbox.fetch.FetchProps;
import io.fetchbox.fetch.FetchTask;
import io.fetchbox.fetch.FileRecord;
import io.fetchbox.fetch.FileState;
import io.fetchbox.fetch.OutputFolder;
import io.fetchbox.list.UrlEntry;
import io.fetchbox.naming.Layout;
import io.fetchbox.report.BatchEvents;
import io.fetchbox.report.BatchFed;
import io.fetchbox.report.FailureLog;
import io.fetchbox.report.Outcome;
import io.fetchbox.report.OutcomeItem;
import io.fetchbox.report.PendingDuplicate;
import io.fetchbox.report.ReportFiles;
import io.fetchbox.testing.Exchanges;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.camel.Exchange;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feeder as routes/feed.camel.yaml calls it, for a batch the real {@link BatchRegistry} opened
 * from a list in {@code inbox/.inprogress/}: count, then each entry of the list planned in list order,
 * then fed; a read failure in between.
 */
class FeederTest {
    /** A folder whose path is longer than any the file system takes (ENAMETOOLONG). */
    private static final String TOO_DEEP = String.join("/", java.util.Collections.nCopies(25, "d".repeat(200)));

    @TempDir
    Path dir;

    Path inbox;
    OutputFolder output;
    FileState state;
    ReportFiles reports;
    final Lifecycle lifecycle = new Lifecycle();

    @BeforeEach
    void folders() throws IOException {
        inbox = Files.createDirectories(dir.resolve("inbox"));
        output = new OutputFolder(dir.resolve("output"));
        state = new FileState(dir.resolve("reports"));
        reports = new ReportFiles(dir.resolve("reports"));
    }

    @Test
    void aValidLineBecomesAFetchTaskWithItsPlannedFileAndHost() throws IOException {
        BatchRegistry batches = registry(false);
        Feeder feeder = feeder(batches, false);
        String batch = open(batches, "list.txt", "http://Example.org:80/dir/a.bin\n");

        Object planned = feeder.plan(only(feeder, batch), batch);

        assertThat(planned).isInstanceOf(FetchTask.class);
        FetchTask task = (FetchTask) planned;
        assertThat(task.batch()).isEqualTo("list");
        assertThat(task.file()).isEqualTo("list/a.bin");
        assertThat(task.url()).isEqualTo("http://Example.org:80/dir/a.bin");
        assertThat(task.hostKey()).isEqualTo("http://example.org:80");
        assertThat(task.attempt()).isEqualTo(1);
        assertThat(task.redirects()).isZero();
        assertThat(task.startedMillis()).isZero();
        assertThat(task.entry().warnings()).isEmpty();
    }

    @Test
    void anInvalidLineIsReportedAtOnce() throws IOException {
        BatchRegistry batches = registry(false);
        Feeder feeder = feeder(batches, false);
        String batch = open(batches, "list.txt", "ftp://example.org/a.bin\n");
        UrlEntry entry = only(feeder, batch);

        Object planned = feeder.plan(entry, batch);

        Outcome outcome = (Outcome) planned;
        assertThat(outcome.batch()).isEqualTo("list");
        assertThat(outcome.line()).isEqualTo(1);
        assertThat(outcome.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(outcome.error()).isEqualTo("invalid_url");
        assertThat(outcome.errorDetail()).isEqualTo(entry.invalid()).isNotBlank();
        assertThat(outcome.file()).isNull();
    }

    @Test
    void aSecondLineOfTheSameUrlIsADuplicateOfTheFirstsFile() throws IOException {
        BatchRegistry batches = registry(false);
        Feeder feeder = feeder(batches, false);
        String batch = open(batches, "list.txt", "http://example.org/a.bin\nhttp://EXAMPLE.org/a.bin\n");
        List<Object> planned = planAll(feeder, batch);

        assertThat(planned.get(0)).isInstanceOf(FetchTask.class);
        Outcome duplicate = (Outcome) planned.get(1);
        assertThat(duplicate.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(duplicate.line()).isEqualTo(2);
        assertThat(duplicate.file()).isEqualTo("list/a.bin");
    }

    @Test
    void twoUrlsOfOneNameGetNumberedFiles() throws IOException {
        BatchRegistry batches = registry(false);
        Feeder feeder = feeder(batches, false);
        String batch = open(batches, "list.txt", "http://example.org/x/a.bin\nhttp://example.org/y/a.bin\n");

        List<Object> planned = planAll(feeder, batch);

        assertThat(planned).extracting(p -> ((FetchTask) p).file()).containsExactly("list/a.bin", "list/a.1.bin");
    }

    @Test
    void aFileFetchboxAlreadyHasIsSkippedUnderExistingSkip() throws IOException {
        ownFile("list/a.bin", "http://example.org/a.bin");
        BatchRegistry batches = registry(false);
        Feeder feeder = feeder(batches, true);
        String batch = open(batches, "list.txt", "http://example.org/a.bin\n");

        Outcome outcome = (Outcome) feeder.plan(only(feeder, batch), batch);

        assertThat(outcome.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(outcome.file()).isEqualTo("list/a.bin");
        assertThat(outcome.node()).isEqualTo("node-1");
    }

    @Test
    void withoutExistingSkipFetchboxsOwnFileIsFetchedAgainUnderItsName() throws IOException {
        ownFile("list/a.bin", "http://example.org/a.bin");
        BatchRegistry batches = registry(false);
        Feeder feeder = feeder(batches, false);
        String batch = open(batches, "list.txt", "http://example.org/a.bin\n");

        FetchTask task = (FetchTask) feeder.plan(only(feeder, batch), batch);

        assertThat(task.file()).isEqualTo("list/a.bin");
    }

    @Test
    void aPersonsFileAtThePlannedNameIsNeverSkippedButNumberedAround() throws IOException {
        Files.createDirectories(output.resolve("list"));
        Files.writeString(output.resolve("list/a.bin"), "a person's file");
        BatchRegistry batches = registry(false);
        Feeder feeder = feeder(batches, true);
        String batch = open(batches, "list.txt", "http://example.org/a.bin\n");

        FetchTask task = (FetchTask) feeder.plan(only(feeder, batch), batch);

        assertThat(task.file()).isEqualTo("list/a.1.bin");
        assertThat(task.entry().warnings()).isEmpty();
    }

    @Test
    void fetchboxsOwnFileChangedSinceIsLeftAndTheDownloadSaysWhereItGoes() throws IOException {
        ownFile("list/a.bin", "http://example.org/a.bin");
        Files.writeString(output.resolve("list/a.bin"), "edited by hand");
        BatchRegistry batches = registry(false);
        Feeder feeder = feeder(batches, false);
        String batch = open(batches, "list.txt", "http://example.org/a.bin\n");

        FetchTask task = (FetchTask) feeder.plan(only(feeder, batch), batch);

        assertThat(task.file()).isEqualTo("list/a.1.bin");
        assertThat(task.entry().warnings())
                .containsExactly("list/a.bin was changed since fetchbox wrote it; left as it is, this download is"
                        + " saved as list/a.1.bin");
    }

    @Test
    void linesAResumedRunAlreadyReportedGiveNothingButKeepTheirNames() throws IOException {
        Path list = Files.createDirectories(inbox.resolve(".inprogress")).resolve("list.txt");
        Files.writeString(
                list, "http://example.org/x/a.bin\nftp://bad/\nhttp://example.org/y/a.bin\nhttp://example.org/z.bin\n");
        Files.createDirectories(dir.resolve("reports"));
        Files.writeString(
                reports.journal("list"),
                "{\"line\":1,\"outcome\":\"downloaded\",\"bytes\":5}\n{\"line\":2,\"outcome\":\"invalid\"}\n");
        BatchRegistry batches = registry(false);
        String batch = batches.resume(list);
        Feeder feeder = feeder(batches, false);

        List<Object> planned = planAll(feeder, batch);

        assertThat(planned.get(0)).as("line 1, reported before").isNull();
        assertThat(planned.get(1)).as("line 2, reported before").isNull();
        assertThat(((FetchTask) planned.get(2)).file())
                .as("line 3 numbered as in the first run")
                .isEqualTo("list/a.1.bin");
        assertThat(((FetchTask) planned.get(3)).file()).isEqualTo("list/z.bin");
        assertThat(feeder.fed(batch)).isEqualTo(new BatchFed("list", 4, true));
    }

    @Test
    void aLineWhoseFileCannotBePlannedIsReportedInvalidWithTheReason() throws IOException {
        BatchRegistry batches = registry(false);
        Feeder feeder = feeder(batches, false);
        String batch = open(batches, "list.txt", "http://example.org/a.bin\n  dir=" + TOO_DEEP + "\n");

        Outcome outcome = (Outcome) feeder.plan(only(feeder, batch), batch);

        assertThat(outcome.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(outcome.error()).isEqualTo("invalid_url");
        assertThat(outcome.errorDetail()).startsWith("cannot plan a file name: ");
    }

    @Test
    void aLineWhoseFileCannotBePlannedIsNotReportedAgainByAResumedRun() throws IOException {
        Path list = Files.createDirectories(inbox.resolve(".inprogress")).resolve("list.txt");
        Files.writeString(list, "http://example.org/a.bin\n  dir=" + TOO_DEEP + "\nhttp://example.org/b.bin\n");
        Files.createDirectories(dir.resolve("reports"));
        // the first run reported line 1 invalid (its file could not be planned), then was interrupted
        Files.writeString(reports.journal("list"), "{\"line\":1,\"outcome\":\"invalid\"}\n");
        BatchRegistry batches = registry(false);
        String batch = batches.resume(list);
        Feeder feeder = feeder(batches, false);

        List<Object> planned = planAll(feeder, batch);
        // the report route: what is not a download is recorded at once, then the feed says it is done
        planned.stream()
                .filter(p -> p != null && !(p instanceof FetchTask))
                .forEach(p -> batches.record((OutcomeItem) p));
        BatchFed fed = feeder.fed(batch);
        batches.record(fed);

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(planned.get(0)).as("line 1, reported before").isNull();
            softly.assertThat(batches.isComplete(fed))
                    .as("line 3 is still downloading")
                    .isFalse();
        });
    }

    @Test
    void aDuplicateOfALineNamedByItsResponseWaitsForThatName() throws IOException {
        BatchRegistry batches = registry(true);
        Feeder feeder = new Feeder(batches, lifecycle, output.root(), false, "node-1", new ResponseNaming(true, false));
        String batch = open(batches, "list.txt", "http://example.org/get?id=1\nhttp://example.org/get?id=1\n");

        List<Object> planned = planAll(feeder, batch);

        FetchTask first = (FetchTask) planned.get(0);
        assertThat(first.file()).as("named when its response arrives").isNull();
        assertThat(planned.get(1)).isInstanceOf(PendingDuplicate.class);
        PendingDuplicate pending = (PendingDuplicate) planned.get(1);
        assertThat(pending.batch()).isEqualTo("list");
        assertThat(pending.entry().line()).isEqualTo(2);
    }

    @Test
    void aLineNamedByItsResponseTakesTheContentDispositionName() throws IOException {
        BatchRegistry batches = registry(true);
        Feeder feeder = new Feeder(batches, lifecycle, output.root(), false, "node-1", new ResponseNaming(true, false));
        String batch = open(batches, "list.txt", "http://example.org/get?id=1\n");
        FetchTask task = (FetchTask) feeder.plan(only(feeder, batch), batch);
        Exchange exchange = Exchanges.create();
        exchange.setProperty(FetchProps.TASK, task);
        exchange.getMessage().setHeader("Content-Disposition", "attachment; filename=\"report.pdf\"");

        feeder.nameFromResponse(exchange);

        assertThat(exchange.getProperty(FetchProps.TASK, FetchTask.class).file())
                .isEqualTo("list/report.pdf");
    }

    @Test
    void aLineNamedByItsResponseWithoutContentDispositionTakesTheUrlsName() throws IOException {
        BatchRegistry batches = registry(true);
        Feeder feeder = new Feeder(batches, lifecycle, output.root(), false, "node-1", new ResponseNaming(true, false));
        String batch = open(batches, "list.txt", "http://example.org/files/data.csv\n");
        FetchTask task = (FetchTask) feeder.plan(only(feeder, batch), batch);
        Exchange exchange = Exchanges.create();
        exchange.setProperty(FetchProps.TASK, task);

        feeder.nameFromResponse(exchange);

        assertThat(exchange.getProperty(FetchProps.TASK, FetchTask.class).file())
                .isEqualTo("list/data.csv");
    }

    @Test
    void aLineAlreadyNamedKeepsItsNameWhateverTheResponseSays() throws IOException {
        BatchRegistry batches = registry(false);
        Feeder feeder = feeder(batches, false);
        String batch = open(batches, "list.txt", "http://example.org/a.bin\n");
        FetchTask task = (FetchTask) feeder.plan(only(feeder, batch), batch);
        Exchange exchange = Exchanges.create();
        exchange.setProperty(FetchProps.TASK, task);
        exchange.getMessage().setHeader("Content-Disposition", "attachment; filename=\"other.pdf\"");

        feeder.nameFromResponse(exchange);

        assertThat(exchange.getProperty(FetchProps.TASK)).isSameAs(task);
    }

    @Test
    void aNameTakenWhileDownloadingIsRenumberedByTheBatchsPlanner() throws IOException {
        BatchRegistry batches = registry(false);
        Feeder feeder = feeder(batches, false);
        String batch = open(batches, "list.txt", "http://example.org/a.bin\nhttp://example.org/b/a.bin\n");
        List<Object> planned = planAll(feeder, batch);
        FetchTask first = (FetchTask) planned.get(0);

        String next = feeder.renumber(first, first.file());

        assertThat(((FetchTask) planned.get(1)).file()).isEqualTo("list/a.1.bin");
        assertThat(next).isEqualTo("list/a.2.bin");
    }

    @Test
    void aNodeThatDoesNotRunTheBatchRenumbersToTheFirstNumberFreeOnDisk() throws IOException {
        // a cluster follower: the batch runs on the leader, its planner is not here
        Feeder feeder = feeder(registry(false), false);
        FetchTask task = new FetchTask(
                "list",
                new UrlEntry(1, "http://example.org/a.bin", null, null, null, null, null, null),
                "list/a.bin",
                "example.org");
        Files.createDirectories(output.resolve("list"));
        Files.writeString(output.resolve("list/a.bin"), "a person's");
        Files.writeString(output.resolve("list/a.1.bin"), "another URL's");
        Files.createSymbolicLink(output.resolve("list/a.2.bin"), output.resolve("nowhere"));

        assertThat(feeder.renumber(task, "list/a.bin")).isEqualTo("list/a.3.bin");
        // taken again, while being published, before anything is on disk
        assertThat(feeder.renumber(task, "list/a.3.bin")).isEqualTo("list/a.4.bin");
    }

    @Test
    void countGivesTheProgressTotalBeforeAnyLineIsFed() throws IOException {
        BatchRegistry batches = registry(false);
        Feeder feeder = feeder(batches, false);
        String batch = open(
                batches,
                "list.txt",
                "# a comment\nhttp://example.org/1\n\nhttp://example.org/2\n  out=two.bin\nnot a url\n");

        feeder.count(batch);

        assertThat(batches.run(batch).status().total()).isEqualTo(3);
        assertThat(batches.run(batch).status().reported()).isZero();
    }

    @Test
    void aListReadToItsEndIsFedWhole() throws IOException {
        BatchRegistry batches = registry(false);
        Feeder feeder = feeder(batches, false);
        String batch = open(batches, "list.txt", "http://example.org/1\nhttp://example.org/2\n");

        planAll(feeder, batch);

        assertThat(feeder.fed(batch)).isEqualTo(new BatchFed("list", 2, true));
    }

    @Test
    void aListThatCannotBeReadEndsTheBatchWithTheLinesReadSoFar() throws IOException {
        BatchRegistry batches = registry(false);
        Feeder feeder = feeder(batches, false);
        String batch = open(batches, "list.txt", "http://example.org/1\nhttp://example.org/2\n");
        Iterator<UrlEntry> entries = feeder.entries(batch);
        feeder.plan(entries.next(), batch);
        Files.delete(batches.run(batch).listFile());

        IOException failure = readFailure(feeder, batch);
        feeder.readFailed(batch, failure);

        assertThat(failure).isInstanceOf(NoSuchFileException.class);
        assertThat(feeder.fed(batch)).isEqualTo(new BatchFed("list", 1, true));
    }

    @Test
    void aFeedCutByShutdownLeavesTheBatchOpenForTheNextStart() throws IOException {
        BatchRegistry batches = registry(false);
        Feeder feeder = feeder(batches, false);
        String batch = open(batches, "list.txt", "http://example.org/1\nhttp://example.org/2\n");
        feeder.plan(feeder.entries(batch).next(), batch);
        lifecycle.stopping();

        feeder.readFailed(batch, new java.util.concurrent.RejectedExecutionException("stopping: no new downloads"));

        BatchFed fed = feeder.fed(batch);
        assertThat(fed).isEqualTo(new BatchFed("list", 1, false));
        batches.record(fed);
        assertThat(batches.isComplete(fed)).isFalse();
    }

    @Test
    void aBatchThatIsNotRunningCannotBeFed() {
        Feeder feeder = feeder(registry(false), false);

        assertThatThrownBy(() -> feeder.count("nothing"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no running batch nothing");
    }

    private static IOException readFailure(Feeder feeder, String batch) {
        try {
            feeder.entries(batch);
            throw new AssertionError("the list was read");
        } catch (IOException e) {
            return e;
        }
    }

    /** A file fetchbox wrote from {@code url}, unchanged since, with its record. */
    private void ownFile(String file, String url) throws IOException {
        Path path = output.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, "body");
        state.write(
                file,
                new FileRecord(
                        FileState.urlKey(url),
                        url,
                        "\"v1\"",
                        null,
                        4,
                        "00",
                        Files.getLastModifiedTime(path).toMillis()));
    }

    private String open(BatchRegistry batches, String name, String content) throws IOException {
        Path list = Files.createDirectories(inbox.resolve(".inprogress")).resolve(name);
        Files.writeString(list, content);
        return batches.open(list.toString(), name);
    }

    private static UrlEntry only(Feeder feeder, String batch) throws IOException {
        Iterator<UrlEntry> entries = feeder.entries(batch);
        UrlEntry entry = entries.next();
        assertThat(entries.hasNext()).isFalse();
        return entry;
    }

    private static List<Object> planAll(Feeder feeder, String batch) throws IOException {
        List<Object> planned = new ArrayList<>();
        for (Iterator<UrlEntry> entries = feeder.entries(batch); entries.hasNext(); ) {
            planned.add(feeder.plan(entries.next(), batch));
        }
        return planned;
    }

    private Feeder feeder(BatchRegistry batches, boolean skipExisting) {
        return new Feeder(batches, lifecycle, output.root(), skipExisting, "node-1");
    }

    private BatchRegistry registry(boolean nameFromResponse) {
        return new BatchRegistry(
                inbox,
                output.root(),
                state,
                reports,
                Layout.BATCH,
                nameFromResponse,
                new OutputClaims(output, state, false),
                new RunVerdict(),
                OnceWatch.service(),
                new FailureLog(),
                () -> null,
                new RunningBatches(),
                BatchEvents.NONE);
    }
}
