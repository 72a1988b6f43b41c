package io.fetchbox.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fetchbox.fetch.FileState;
import io.fetchbox.fetch.OutputFolder;
import io.fetchbox.fetch.PartialRecord;
import io.fetchbox.fetch.TempFiles;
import io.fetchbox.list.UrlEntry;
import io.fetchbox.naming.Layout;
import io.fetchbox.naming.NameRequest;
import io.fetchbox.report.BatchEvents;
import io.fetchbox.report.BatchFed;
import io.fetchbox.report.FailureLog;
import io.fetchbox.report.Outcome;
import io.fetchbox.report.OutcomeBuilder;
import io.fetchbox.report.PendingDuplicate;
import io.fetchbox.report.ReportFiles;
import io.fetchbox.testing.SpecialFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry as the inbox, feed, recover and report routes call it: batches.open, record (each kind
 * of item of the outcome queue), isComplete, finish, and the resume of interrupted runs at start-up.
 */
class BatchRegistryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Path inbox;
    Path inProgress;
    Path reportsFolder;
    OutputFolder output;
    FileState state;
    ReportFiles reports;
    final RunVerdict verdict = new RunVerdict();
    final AtomicBoolean onceDone = new AtomicBoolean();
    final RecordingEvents events = new RecordingEvents();
    final RunningBatches running = new RunningBatches();
    BatchRegistry batches;

    @BeforeEach
    void registry() throws IOException {
        inbox = Files.createDirectories(dir.resolve("inbox"));
        inProgress = Files.createDirectories(inbox.resolve(".inprogress"));
        reportsFolder = dir.resolve("reports");
        output = new OutputFolder(dir.resolve("output"));
        state = new FileState(reportsFolder);
        reports = new ReportFiles(reportsFolder);
        batches = registry(OnceWatch.once(Set.of("pics.txt"), () -> onceDone.set(true)), running, events);
    }

    /** A registry over this test's folders, as the service makes one. */
    private BatchRegistry registry(OnceWatch once, RunningBatches runs, BatchEvents told) {
        return new BatchRegistry(
                inbox,
                output.root(),
                state,
                reports,
                Layout.BATCH,
                false,
                new OutputClaims(output, state, false),
                verdict,
                once,
                new FailureLog(),
                () -> null,
                runs,
                told);
    }

    @Test
    void openingAListStartsARunNamedAfterIt() throws IOException {
        String batch = open("pics.txt", "http://example.org/a.bin\n");

        assertThat(batch).isEqualTo("pics");
        assertThat(batches.isActive("pics")).isTrue();
        assertThat(running.count()).isEqualTo(1);
        assertThat(batches.run("pics").listName()).isEqualTo("pics.txt");
        assertThat(batches.run("pics").folder()).isEqualTo("pics");
        assertThat(running.statuses()).extracting(BatchStatus::name).containsExactly("pics");
        assertThat(running.status("pics").orElseThrow().reported()).isZero();
        assertThat(running.status("other")).isEmpty();
        assertThat(running.status(null)).isEmpty();
        assertThat(events.heard).containsExactly("started pics");
        JsonNode start =
                JSON.readTree(reportsFolder.resolve(".state/batches/pics.json").toFile());
        assertThat(start.get("batch").asText()).isEqualTo("pics");
        assertThat(start.get("list").asText()).isEqualTo("pics.txt");
        assertThat(Instant.parse(start.get("started").asText()))
                .isEqualTo(batches.run("pics").status().started());
    }

    @Test
    void aListWhoseBatchNameIsRunningIsRefused() throws IOException {
        open("pics.txt", "http://example.org/a.bin\n");
        Path other = Files.writeString(inProgress.resolve("pics.csv"), "url\nhttp://example.org/b\n");

        assertThatThrownBy(() -> batches.open(other.toString(), "pics.csv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("batch pics is already running");
        assertThat(batches.run("pics").listName()).isEqualTo("pics.txt");
    }

    @Test
    void theReportsOfAnEarlierRunGoToHistoryStampedWithItsStart() throws IOException {
        Files.createDirectories(reportsFolder);
        reports.recordStart("pics", "pics.txt", Instant.parse("2025-05-06T07:08:09Z"), "run-1");
        Files.writeString(reports.journal("pics"), "{\"line\":1}\n");
        Files.writeString(reports.summary("pics"), "{}");

        open("pics.txt", "http://example.org/a.bin\n");

        assertThat(reportsFolder.resolve("history/pics.20250506T070809Z.jsonl")).hasContent("{\"line\":1}");
        assertThat(reportsFolder.resolve("history/pics.20250506T070809Z.summary.json"))
                .hasContent("{}");
        assertThat(reports.summary("pics")).doesNotExist();
        assertThat(reports.journal("pics")).isEmptyFile();
    }

    @Test
    void anOutcomeIsJournalledAndTold() throws IOException {
        open("pics.txt", "http://example.org/a.bin\n");
        Outcome outcome = outcome(1, Outcome.DOWNLOADED);

        batches.record(outcome);

        assertThat(Files.readAllLines(reports.journal("pics")))
                .singleElement()
                .asString()
                .contains("\"line\":1", "\"outcome\":\"downloaded\"");
        assertThat(events.heard).containsExactly("started pics", "outcome pics 1 downloaded");
        assertThat(running.status("pics").orElseThrow().reported()).isEqualTo(1);
    }

    @Test
    void aSecondOutcomeOfALineIsDroppedAndCounted() throws IOException {
        open("pics.txt", "http://example.org/a.bin\n");
        String run = batches.runId("pics");

        batches.record(outcome(1, Outcome.DOWNLOADED), run);
        batches.record(outcome(1, Outcome.FAILED), run);

        assertThat(Files.readAllLines(reports.journal("pics"))).hasSize(1);
        assertThat(events.heard).containsExactly("started pics", "outcome pics 1 downloaded", "dropped pics duplicate");
        assertThat(running.status("pics").orElseThrow().reported()).isEqualTo(1);
        assertThat(running.status("pics").orElseThrow().failed()).isZero();
    }

    @Test
    void anOutcomeOfAnotherRunOrOfABatchNotRunningIsDroppedAndCounted() throws IOException {
        open("pics.txt", "http://example.org/a.bin\n");

        batches.record(outcome(1, Outcome.DOWNLOADED), "an-earlier-run");
        batches.record(new BatchFed("gone", 3, true), null);

        assertThat(reports.journal("pics")).isEmptyFile();
        assertThat(events.heard).containsExactly("started pics", "dropped pics stale", "dropped gone stale");
        assertThat(running.status("pics").orElseThrow().reported()).isZero();
    }

    @Test
    void eachRunHasItsOwnIdentifierRecordedWithItsStartAndAResumedRunKeepsIt() throws IOException {
        open("pics.txt", "http://example.org/a.bin\n");
        String first = batches.runId("pics");
        assertThat(first).isNotBlank();
        assertThat(reports.runOf("pics")).contains(first);
        assertThat(batches.runId("other")).isNull();

        // interrupted: a new registry (the next start, or a new leader) resumes it under the same identifier
        BatchRegistry next = registry(OnceWatch.service(), new RunningBatches(), BatchEvents.NONE);
        next.resumeInterrupted();
        assertThat(next.runId("pics")).isEqualTo(first);
    }

    @Test
    void aBatchIsCompleteOnceFedAndEveryLineHasItsOutcome() throws IOException {
        open("pics.txt", "http://example.org/a.bin\nhttp://example.org/b.bin\n");
        Outcome first = outcome(1, Outcome.DOWNLOADED);
        batches.record(first);
        assertThat(batches.isComplete(first)).isFalse();
        BatchFed fed = new BatchFed("pics", 2, true);
        batches.record(fed);
        assertThat(batches.isComplete(fed)).isFalse();

        Outcome second = outcome(2, Outcome.FAILED);
        batches.record(second);

        assertThat(batches.isComplete(second)).isTrue();
    }

    @Test
    void aPendingDuplicateCountsAsReportedForCompletion() throws IOException {
        open("pics.txt", "http://example.org/a.bin\nhttp://example.org/a.bin\n");
        batches.record(outcome(1, Outcome.DOWNLOADED));
        PendingDuplicate pending = new PendingDuplicate("pics", entry(2), request());
        batches.record(pending);
        BatchFed fed = new BatchFed("pics", 2, true);

        batches.record(fed);

        assertThat(batches.isComplete(pending)).isTrue();
        assertThat(batches.isComplete(fed)).isTrue();
    }

    @Test
    void anOutcomeOfABatchNoLongerRunningIsNeverComplete() {
        assertThat(batches.isComplete(outcome(1, Outcome.DOWNLOADED))).isFalse();
    }

    @Test
    void theBatchOfEachKindOfItem() {
        assertThat(BatchRegistry.batchOf(outcome(1, Outcome.DOWNLOADED))).isEqualTo("pics");
        assertThat(BatchRegistry.batchOf(new PendingDuplicate("dupes", entry(1), request())))
                .isEqualTo("dupes");
        assertThat(BatchRegistry.batchOf(new BatchFed("fed", 0, true))).isEqualTo("fed");
    }

    @Test
    void finishingWritesFailedTxtInListOrderMovesTheListToDoneAndWritesTheSummaryLast() throws IOException {
        Path list = inProgress.resolve("pics.txt");
        open("pics.txt", "http://example.org/a.bin\nftp://example.org/b\nhttp://example.org/c.bin\n  out=c.dat\n");
        batches.record(outcome(3, Outcome.FAILED));
        batches.record(outcome(1, Outcome.DOWNLOADED));
        batches.record(outcome(2, Outcome.INVALID));
        BatchFed fed = new BatchFed("pics", 3, true);
        batches.record(fed);
        assertThat(batches.isComplete(fed)).isTrue();

        byte[] summary = batches.finish(fed);

        assertThat(reports.failedList("pics"))
                .hasContent("# fetchbox: batch=pics\n"
                        + "ftp://example.org/b\n  retry-of-line=2\n"
                        + "http://example.org/c.bin\n  out=c.dat\n  retry-of-line=3");
        assertThat(list).doesNotExist();
        assertThat(inbox.resolve(".done/pics.txt")).exists();
        assertThat(reports.summary("pics")).hasBinaryContent(summary);
        JsonNode json = JSON.readTree(summary);
        assertThat(json.get("batch").asText()).isEqualTo("pics");
        assertThat(json.get("list").asText()).isEqualTo("pics.txt");
        assertThat(json.get("lines").asLong()).isEqualTo(3);
        assertThat(json.get("outcomes").get("downloaded").asLong()).isEqualTo(1);
        assertThat(json.get("outcomes").get("failed").asLong()).isEqualTo(1);
        assertThat(json.get("outcomes").get("invalid").asLong()).isEqualTo(1);
        assertThat(json.get("bytes").asLong()).isEqualTo(3);
        assertThat(batches.isActive("pics")).isFalse();
        assertThat(running.count()).isZero();
        assertThat(verdict.exitCode()).as("a URL failed").isEqualTo(1);
        assertThat(onceDone).isTrue();
        assertThat(events.heard).last().isEqualTo("finished pics");
    }

    @Test
    void aBatchWithoutFailuresHasNoFailedTxt() throws IOException {
        open("pics.txt", "http://example.org/a.bin\n");
        Files.writeString(reports.failedList("pics"), "left by someone\n");
        batches.record(outcome(1, Outcome.DOWNLOADED));
        BatchFed fed = new BatchFed("pics", 1, true);
        batches.record(fed);

        assertThat(batches.finish(fed)).isNotNull();

        assertThat(reports.failedList("pics")).doesNotExist();
        assertThat(verdict.exitCode()).isZero();
    }

    @Test
    void finishingReportsTheDuplicatesThatWaitedForTheirName() throws IOException {
        open("pics.txt", "http://example.org/a.bin\nhttp://example.org/a.bin\n");
        batches.run("pics").planner().plan(request());
        batches.record(outcome(1, Outcome.DOWNLOADED));
        batches.record(new PendingDuplicate("pics", entry(2), request()));
        BatchFed fed = new BatchFed("pics", 2, true);
        batches.record(fed);

        batches.finish(fed);

        assertThat(events.heard).contains("outcome pics 2 duplicate");
        assertThat(Files.readAllLines(reports.journal("pics")))
                .hasSize(2)
                .last()
                .asString()
                .contains("\"outcome\":\"duplicate\"", "\"file\":\"pics/a.bin\"");
        assertThat(JSON.readTree(reports.summary("pics").toFile())
                        .get("outcomes")
                        .get("duplicate")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void finishingSweepsTheBatchsTemporaryFilesAndTheirPartialRecords() throws IOException {
        open("pics.txt", "http://example.org/a.bin\n");
        String temp = TempFiles.newName("pics/big.bin");
        Files.createDirectories(output.resolve("pics"));
        Files.write(output.resolve(temp), new byte[10]);
        state.writePartial("pics/big.bin", new PartialRecord("key", "\"v\"", temp));
        Files.writeString(output.resolve("pics/.old.fetchbox-part"), "left by an old version");
        Files.writeString(output.resolve("pics/a.bin"), "abc");
        batches.record(outcome(1, Outcome.DOWNLOADED));
        BatchFed fed = new BatchFed("pics", 1, true);
        batches.record(fed);

        batches.finish(fed);

        assertThat(filesUnder(output.resolve("pics"))).containsExactly(output.resolve("pics/a.bin"));
        assertThat(state.readPartial("pics/big.bin")).isEmpty();
    }

    @Test
    void aListOfTheSameNameInDoneKeepsItsNameAndTheNewOneIsStamped() throws IOException {
        Files.createDirectories(inbox.resolve(".done"));
        Files.writeString(inbox.resolve(".done/pics.txt"), "an earlier list\n");
        open("pics.txt", "http://example.org/a.bin\n");
        batches.record(outcome(1, Outcome.DOWNLOADED));
        BatchFed fed = new BatchFed("pics", 1, true);
        batches.record(fed);

        batches.finish(fed);

        assertThat(inbox.resolve(".done/pics.txt")).hasContent("an earlier list");
        try (Stream<Path> done = Files.list(inbox.resolve(".done"))) {
            assertThat(done.map(p -> p.getFileName().toString())).hasSize(2).anySatisfy(name -> assertThat(name)
                    .matches("pics\\.\\d{8}T\\d{6}Z\\.txt"));
        }
    }

    @Test
    void aBatchWhoseReportsCannotBeFinishedEndsAllTheSameWithoutASummary(@TempDir Path elsewhere) throws IOException {
        // .done is a link: the list is not moved through it, and the summary is never written
        SpecialFiles.symlink(inbox.resolve(".done"), elsewhere);
        open("pics.txt", "http://example.org/a.bin\n");
        batches.record(outcome(1, Outcome.FAILED));
        BatchFed fed = new BatchFed("pics", 1, true);
        batches.record(fed);

        byte[] summary = batches.finish(fed);

        assertThat(summary).isNull();
        assertThat(reports.summary("pics")).doesNotExist();
        assertThat(inProgress.resolve("pics.txt")).exists();
        assertThat(elsewhere).isEmptyDirectory();
        assertThat(batches.isActive("pics")).isFalse();
        assertThat(verdict.exitCode()).isEqualTo(1);
        assertThat(onceDone).isTrue();
        assertThat(events.heard).last().isEqualTo("finished pics");
    }

    @Test
    void anInterruptedRunIsResumedFromItsJournalAndHandedToTheFeedOnce() throws IOException {
        Instant started = Instant.parse("2025-05-06T07:08:09Z");
        Files.writeString(
                inProgress.resolve("pics.txt"), "http://example.org/a\nhttp://example.org/b\nhttp://example.org/c\n");
        Files.createDirectories(reportsFolder);
        reports.recordStart("pics", "pics.txt", started, "run-1");
        Files.writeString(
                reports.journal("pics"),
                "{\"line\":1,\"outcome\":\"downloaded\",\"bytes\":42}\n{\"line\":3,\"outcome\":\"failed\"}\n{\"line\":2,\"outc",
                StandardCharsets.UTF_8);
        // not lists: never resumed
        Files.writeString(inProgress.resolve(".hidden.txt"), "http://example.org/x\n");
        Files.writeString(inProgress.resolve("copying.txt.part"), "http://example.org/x\n");
        Files.createDirectories(inProgress.resolve("folder"));

        batches.resumeInterrupted();

        assertThat(batches.resumedToFeed()).containsExactly("pics");
        assertThat(batches.resumedToFeed()).as("handed over once").isEmpty();
        BatchStatus status = running.status("pics").orElseThrow();
        assertThat(status.reported()).isEqualTo(2);
        assertThat(status.bytes()).isEqualTo(42);
        assertThat(status.failed()).isEqualTo(1);
        assertThat(status.started()).isEqualTo(started);
        assertThat(batches.run("pics").reportedBefore(1)).isTrue();
        assertThat(batches.run("pics").reportedBefore(2))
                .as("its line was torn")
                .isFalse();
        assertThat(reports.journal("pics"))
                .as("the torn line cut")
                .hasContent(
                        "{\"line\":1,\"outcome\":\"downloaded\",\"bytes\":42}\n{\"line\":3,\"outcome\":\"failed\"}");
        assertThat(running.count()).isEqualTo(1);
        assertThat(events.heard).containsExactly("started pics");
    }

    @Test
    void aResumedRunFinishesWithTheOutcomesOfBothRuns() throws IOException {
        Files.writeString(inProgress.resolve("pics.txt"), "http://example.org/a\nhttp://example.org/b\n");
        Files.createDirectories(reportsFolder);
        Files.writeString(reports.journal("pics"), "{\"line\":1,\"outcome\":\"failed\"}\n");
        batches.resumeInterrupted();
        batches.record(outcome(2, Outcome.DOWNLOADED));
        BatchFed fed = new BatchFed("pics", 2, true);
        batches.record(fed);
        assertThat(batches.isComplete(fed)).isTrue();

        batches.finish(fed);

        assertThat(reports.failedList("pics"))
                .hasContent("# fetchbox: batch=pics\nhttp://example.org/a\n  retry-of-line=1");
        assertThat(Files.readAllLines(reports.journal("pics"))).hasSize(2);
        JsonNode summary = JSON.readTree(reports.summary("pics").toFile());
        assertThat(summary.get("lines").asLong()).isEqualTo(2);
    }

    @Test
    void withoutAnInProgressFolderNothingIsResumed() throws IOException {
        Files.delete(inProgress);

        batches.resumeInterrupted();

        assertThat(batches.resumedToFeed()).isEmpty();
        assertThat(running.count()).isZero();
    }

    @Test
    void aRetryListPutsItsFilesInTheFolderOfTheBatchItRetries() throws IOException {
        open("pics-again.txt", "# fetchbox: batch=pics\nhttp://example.org/a.bin\n  retry-of-line=7\n");

        assertThat(batches.run("pics-again").folder()).isEqualTo("pics");
    }

    @Test
    void aRunningBatchCannotBeResumedAgain() throws IOException {
        open("pics.txt", "http://example.org/a.bin\n");

        assertThatThrownBy(() -> batches.resume(inProgress.resolve("pics.txt")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("batch pics is already running");
    }

    @Test
    void resumingSkipsTheListsOfBatchesAlreadyRunning() throws IOException {
        open("pics.txt", "http://example.org/a.bin\n");
        Files.writeString(inProgress.resolve("more.txt"), "http://example.org/b.bin\n");

        batches.resumeInterrupted();

        assertThat(batches.resumedToFeed()).containsExactly("more");
        assertThat(running.count()).isEqualTo(2);
    }

    @Test
    void forgettingEveryBatchLeavesTheirListsAndJournalsForTheNextLeader() throws IOException {
        open("pics.txt", "http://example.org/a.bin\n");
        batches.record(outcome(1, Outcome.DOWNLOADED));

        batches.forgetAll();

        assertThat(running.count()).isZero();
        assertThat(batches.isActive("pics")).isFalse();
        assertThat(inProgress.resolve("pics.txt")).exists();
        assertThat(Files.readAllLines(reports.journal("pics"))).hasSize(1);
        assertThat(events.heard).last().isEqualTo("finished pics");
    }

    private String open(String name, String content) throws IOException {
        Path list = Files.writeString(inProgress.resolve(name), content);
        return batches.open(list.toString(), name);
    }

    private static NameRequest request() {
        return new NameRequest("http://example.org/a.bin", "example.org", -1, "/a.bin", null, null);
    }

    private static Outcome outcome(long line, String outcome) {
        OutcomeBuilder builder = OutcomeBuilder.of("pics", entry(line)).outcome(outcome);
        if (Outcome.DOWNLOADED.equals(outcome)) {
            builder.body(3, "00");
        }
        if (Outcome.FAILED.equals(outcome)) {
            builder.error("http_404").errorDetail("server answered 404");
        }
        return builder.build();
    }

    private static UrlEntry entry(long line) {
        return new UrlEntry(line, "http://example.org/" + line, null, null, null, null, null, null);
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .toList();
        }
    }

    /** What the metrics, the status page and the stall watch hear, in order. */
    static final class RecordingEvents implements BatchEvents {
        final List<String> heard = new ArrayList<>();

        @Override
        public void started(String batch) {
            heard.add("started " + batch);
        }

        @Override
        public void outcome(Outcome outcome) {
            heard.add("outcome " + outcome.batch() + " " + outcome.line() + " " + outcome.outcome());
        }

        @Override
        public void finished(String batch) {
            heard.add("finished " + batch);
        }

        @Override
        public void dropped(String batch, String reason) {
            heard.add("dropped " + batch + " " + reason);
        }
    }
}
