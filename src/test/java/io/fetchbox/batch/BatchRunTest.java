package io.fetchbox.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.fetchbox.list.ListFormat;
import io.fetchbox.list.UrlEntry;
import io.fetchbox.naming.Layout;
import io.fetchbox.naming.NamePlanner;
import io.fetchbox.naming.NameRequest;
import io.fetchbox.naming.TargetClaims;
import io.fetchbox.report.Journal;
import io.fetchbox.report.JournalReader;
import io.fetchbox.report.Outcome;
import io.fetchbox.report.OutcomeBuilder;
import io.fetchbox.report.PendingDuplicate;
import io.fetchbox.report.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run of one list: what the report route records, what it counts, and when it is complete. */
class BatchRunTest {
    private static final Instant STARTED = Instant.parse("2026-01-02T03:04:05.678Z");

    @TempDir
    Path dir;

    Path journal;
    NamePlanner planner;
    BatchRun run;

    @BeforeEach
    void run() throws IOException {
        journal = dir.resolve("reports/pics.jsonl");
        planner = new NamePlanner(Layout.BATCH, "pics", TargetClaims.acceptAll(), false);
        run = new BatchRun(
                "pics", "pics", "pics.txt", dir.resolve("pics.txt"), STARTED, "run-1", planner, new Journal(journal));
    }

    @Test
    void everyOutcomeIsAJournalLineAndCounted() throws IOException {
        run.record(outcome(1, Outcome.DOWNLOADED, 100L));
        run.record(outcome(2, Outcome.FAILED, null));
        run.record(outcome(3, Outcome.INVALID, null));
        run.record(outcome(4, Outcome.SKIPPED, null));
        run.record(outcome(5, Outcome.NOT_MODIFIED, 40L));

        assertThat(Files.readAllLines(journal)).hasSize(5).allSatisfy(line -> assertThat(line)
                .startsWith("{\"line\":"));
        assertThat(Files.readAllLines(journal).get(1)).contains("\"line\":2", "\"outcome\":\"failed\"");
        BatchStatus status = run.status();
        assertThat(status.reported()).isEqualTo(5);
        assertThat(status.failed()).isEqualTo(2);
        assertThat(status.bytes()).as("bytes of downloads only").isEqualTo(100);
        assertThat(status.outcomes())
                .containsExactlyEntriesOf(outcomes(Map.of(
                        Outcome.DOWNLOADED, 1L,
                        Outcome.NOT_MODIFIED, 1L,
                        Outcome.SKIPPED, 1L,
                        Outcome.FAILED, 1L,
                        Outcome.INVALID, 1L)));
        assertThat(run.linesToRetry().stream().boxed().toList()).containsExactly(2, 3);
        assertThat(run.failedOrInvalid()).isEqualTo(2);
    }

    @Test
    void outcomesAnInterruptedRunReportedAreCountedOnceAndNotWrittenAgain() throws IOException {
        run.recordedBefore(new JournalReader.Recorded(2, Outcome.DOWNLOADED, 50));
        run.recordedBefore(new JournalReader.Recorded(2, Outcome.DOWNLOADED, 50));
        run.recordedBefore(new JournalReader.Recorded(4, Outcome.FAILED, 0));

        assertThat(run.reportedSoFar()).isEqualTo(2);
        assertThat(run.status().bytes()).isEqualTo(50);
        assertThat(run.failedOrInvalid()).isEqualTo(1);
        assertThat(run.reportedBefore(2)).isTrue();
        assertThat(run.reportedBefore(4)).isTrue();
        assertThat(run.reportedBefore(3)).isFalse();
        assertThat(run.reportedBefore(Integer.MAX_VALUE + 1L)).isFalse();
        assertThat(run.linesToRetry().get(4)).isTrue();
        assertThat(journal).isEmptyFile();
    }

    @Test
    void aRunIsCompleteOnlyOnceTheWholeListWasFedAndEveryLineReported() {
        assertThat(run.complete()).as("nothing fed yet").isFalse();
        run.record(outcome(1, Outcome.DOWNLOADED, 1L));
        run.allFed(2, true);
        assertThat(run.complete()).as("one of two lines reported").isFalse();

        run.record(outcome(2, Outcome.FAILED, null));

        assertThat(run.complete()).isTrue();
    }

    @Test
    void aRunWhoseFeedWasCutIsNeverComplete() {
        run.record(outcome(1, Outcome.DOWNLOADED, 1L));
        run.feedInterrupted();
        run.allFed(1, false);

        assertThat(run.isFeedInterrupted()).isTrue();
        assertThat(run.complete()).isFalse();
    }

    @Test
    void anEmptyListIsCompleteAtOnceWhenFed() {
        run.allFed(0, true);

        assertThat(run.complete()).isTrue();
    }

    @Test
    void deferredDuplicatesCountTowardsCompletionAndAreReportedWithTheirFirstLinesFile() throws IOException {
        NameRequest request = new NameRequest("http://example.org/a.bin", "example.org", -1, "/a.bin", null, null);
        assertThat(planner.plan(request).file()).isEqualTo("pics/a.bin");
        run.record(outcome(1, Outcome.DOWNLOADED, 3L));
        run.defer(new PendingDuplicate("pics", entry(2), request));
        run.allFed(2, true);
        assertThat(run.complete()).isTrue();

        List<Outcome> reported = run.reportDeferred();

        assertThat(reported).hasSize(1);
        Outcome duplicate = reported.get(0);
        assertThat(duplicate.line()).isEqualTo(2);
        assertThat(duplicate.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(duplicate.file()).isEqualTo("pics/a.bin");
        assertThat(run.reportedSoFar()).isEqualTo(2);
        assertThat(Files.readAllLines(journal)).hasSize(2);
        assertThat(run.reportDeferred()).as("reported once").isEmpty();
        assertThat(run.complete()).isTrue();
    }

    @Test
    void anOutcomeThatCannotBeWrittenIsStillCountedSoTheBatchCanEnd() throws IOException {
        run.close();
        run.allFed(1, true);

        run.record(outcome(1, Outcome.DOWNLOADED, 7L));

        assertThat(run.reportedSoFar()).isEqualTo(1);
        assertThat(run.complete()).isTrue();
        assertThat(journal).isEmptyFile();
    }

    @Test
    void theSummarySaysWhatTheRunDidAndHowFast() {
        run.record(outcome(1, Outcome.DOWNLOADED, 1000L));
        run.record(outcome(2, Outcome.FAILED, null));

        Summary summary = run.summary(STARTED.plusSeconds(2));

        assertThat(summary.batch()).isEqualTo("pics");
        assertThat(summary.list()).isEqualTo("pics.txt");
        assertThat(summary.lines()).isEqualTo(2);
        assertThat(summary.outcomes())
                .containsExactlyEntriesOf(outcomes(Map.of(Outcome.DOWNLOADED, 1L, Outcome.FAILED, 1L)));
        assertThat(summary.bytes()).isEqualTo(1000);
        assertThat(summary.started()).isEqualTo("2026-01-02T03:04:05.678Z");
        assertThat(summary.finished()).isEqualTo("2026-01-02T03:04:07.678Z");
        assertThat(summary.seconds()).isEqualTo(2.0);
        assertThat(summary.bytesPerSecond()).isEqualTo(500);
    }

    @Test
    void aRunThatTookNoTimeGivesItsBytesAsItsRate() {
        run.record(outcome(1, Outcome.DOWNLOADED, 1000L));

        assertThat(run.summary(STARTED).bytesPerSecond()).isEqualTo(1000);
    }

    @Test
    void theTotalIsTheCountedLinesUntilTheFeedIsDone() {
        assertThat(run.status().total()).isZero();
        run.expect(5);
        run.countFed();
        run.countFed();
        assertThat(run.status().total()).isEqualTo(5);
        assertThat(run.fedSoFar()).isEqualTo(2);

        run.allFed(2, true);

        assertThat(run.status().total()).isEqualTo(2);
    }

    @Test
    void withoutACountTheTotalIsWhatWasFedSoFar() {
        run.countFed();
        run.countFed();
        run.countFed();

        assertThat(run.status().total()).isEqualTo(3);
    }

    @Test
    void theStatusIsASnapshotOfTheRun() {
        run.record(outcome(1, Outcome.DOWNLOADED, 10L));

        BatchStatus status = run.status();

        assertThat(status.name()).isEqualTo("pics");
        assertThat(status.listName()).isEqualTo("pics.txt");
        assertThat(status.started()).isEqualTo(STARTED);
        assertThat(status.reported()).isEqualTo(1);
        assertThat(status.total()).as("never below what was reported").isEqualTo(1);
    }

    @Test
    void theListsFormatFollowsItsName() throws IOException {
        BatchRun csv = new BatchRun(
                "pics",
                "old",
                "pics.csv",
                dir.resolve("pics.csv"),
                STARTED,
                "run-1",
                planner,
                new Journal(dir.resolve("reports/csv.jsonl")));

        assertThat(csv.format()).isEqualTo(ListFormat.CSV);
        assertThat(csv.folder()).isEqualTo("old");
        assertThat(run.format()).isEqualTo(ListFormat.TEXT);
        assertThat(run.progress(STARTED.plusSeconds(1))).startsWith("pics");
    }

    private static Map<String, Long> outcomes(Map<String, Long> nonZero) {
        Map<String, Long> all = new LinkedHashMap<>();
        for (String outcome : Outcome.ALL) {
            all.put(outcome, nonZero.getOrDefault(outcome, 0L));
        }
        return all;
    }

    private static Outcome outcome(long line, String outcome, Long bytes) {
        OutcomeBuilder builder = OutcomeBuilder.of("pics", entry(line)).outcome(outcome);
        if (bytes != null) {
            builder.body(bytes, "00");
        }
        return builder.build();
    }

    private static UrlEntry entry(long line) {
        return new UrlEntry(line, "http://example.org/" + line, null, null, null, null, null, null);
    }
}
