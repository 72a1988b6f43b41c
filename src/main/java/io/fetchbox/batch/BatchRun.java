package io.fetchbox.batch;

import io.fetchbox.list.ListFormat;
import io.fetchbox.list.UrlEntry;
import io.fetchbox.logging.BatchField;
import io.fetchbox.naming.NamePlanner;
import io.fetchbox.report.Journal;
import io.fetchbox.report.JournalReader;
import io.fetchbox.report.Outcome;
import io.fetchbox.report.OutcomeBuilder;
import io.fetchbox.report.PendingDuplicate;
import io.fetchbox.report.ProgressLine;
import io.fetchbox.report.Summary;
import io.fetchbox.url.ParsedUrl;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of one list. Its journal and failed list are written only by the report route's single
 * thread; the feeder counts lines as it plans them; the progress timer only reads.
 */
public final class BatchRun implements Closeable {
    private final String name;
    private final String runId;
    private final String listName;
    private final Path listFile;
    private final String folder;
    private final ListFormat format;
    private final Instant started;
    private final NamePlanner planner;
    private final Journal journal;
    private final BitSet linesToRetry = new BitSet();
    /** Lines that have their outcome: from the journal of an interrupted run, or recorded by this one. */
    private final BitSet linesReported = new BitSet();

    private volatile boolean wholeListFed;
    private volatile boolean feedInterrupted;
    private static final Logger LOG = LoggerFactory.getLogger(BatchRun.class);
    private static final int MAX_INVALID_LOGGED = 20;
    private final AtomicLong fed = new AtomicLong();
    private long invalidLogged;
    private final long[] counts = new long[Outcome.ALL.size()];
    private final List<PendingDuplicate> deferred = new ArrayList<>();
    private volatile long reported;
    private volatile long failed;
    private volatile long bytes;
    private volatile long lines = -1;
    private volatile long expectedLines = -1;

    /** @param folder the batch whose folder this run writes to: its own, or the one it retries */
    BatchRun(
            String name,
            String folder,
            String listName,
            Path listFile,
            Instant started,
            String runId,
            NamePlanner planner,
            Journal journal) {
        this.name = name;
        this.runId = runId;
        this.folder = folder;
        this.listName = listName;
        this.listFile = listFile;
        this.format = ListFormat.of(listName);
        this.started = started;
        this.planner = planner;
        this.journal = journal;
    }

    public String name() {
        return name;
    }

    /** This run's identifier: a resumed run keeps it, a new run of the same name gets a new one. */
    public String runId() {
        return runId;
    }

    /** The batch whose folder this run's files go to: its own, or the one its list retries. */
    public String folder() {
        return folder;
    }

    public String listName() {
        return listName;
    }

    public Path listFile() {
        return listFile;
    }

    public ListFormat format() {
        return format;
    }

    NamePlanner planner() {
        return planner;
    }

    /** Invalid lines are logged with their reason, the first few of each batch; all are in the report. */
    void logInvalid(UrlEntry entry) {
        long seen = invalidLogged++;
        try (BatchField.Scope scope = BatchField.of(name)) {
            if (seen < MAX_INVALID_LOGGED) {
                LOG.warn("{} line {}: invalid: {}", name, entry.line(), ParsedUrl.redact(entry.invalid()));
            } else if (seen == MAX_INVALID_LOGGED) {
                LOG.warn("{}: more invalid lines; they are in the report and failed.txt, not in this log", name);
            }
        }
    }

    long countFed() {
        return fed.incrementAndGet();
    }

    long fedSoFar() {
        return fed.get();
    }

    /** An outcome the journal already holds (a resumed run): counted, not written again. */
    void recordedBefore(JournalReader.Recorded recorded) {
        int line = Math.toIntExact(recorded.line());
        if (linesReported.get(line)) {
            return;
        }
        linesReported.set(line);
        count(recorded.outcome(), recorded.bytes(), line);
    }

    /** Whether this line has its outcome (an interrupted run reported it, say), so that it is not fetched again. */
    boolean reportedBefore(long line) {
        return line <= Integer.MAX_VALUE && linesReported.get((int) line);
    }

    /**
     * Journals and counts a line's outcome, once: false (nothing written) when the line already has
     * one, from the journal or from this run (a redelivered or re-fed line, in cluster mode).
     */
    boolean record(Outcome outcome) {
        if (reportedBefore(outcome.line())) {
            return false;
        }
        try {
            journal.append(outcome);
        } catch (IOException e) {
            // counted all the same, so that the batch can end; the log keeps what the report lost
            try (BatchField.Scope scope = BatchField.of(name)) {
                LOG.error(
                        "{}: cannot write the report line for line {} ({}): {}",
                        name,
                        outcome.line(),
                        outcome.outcome(),
                        e.getMessage());
            }
        }
        int line = Math.toIntExact(outcome.line());
        linesReported.set(line);
        count(outcome.outcome(), outcome.bytes() == null ? 0 : outcome.bytes(), line);
        return true;
    }

    private void count(String outcome, long byteCount, int line) {
        if (Outcome.FAILED.equals(outcome) || Outcome.INVALID.equals(outcome)) {
            linesToRetry.set(line);
            failed++;
        }
        counts[Outcome.ALL.indexOf(outcome)]++;
        if (Outcome.DOWNLOADED.equals(outcome)) {
            bytes += byteCount;
        }
        reported++;
    }

    void defer(PendingDuplicate duplicate) {
        deferred.add(duplicate);
    }

    /**
     * Reports the duplicates that waited for their first line's name, now that every name is known;
     * returns those outcomes.
     */
    List<Outcome> reportDeferred() {
        List<Outcome> reported = new ArrayList<>();
        for (PendingDuplicate pending : deferred) {
            Outcome outcome = OutcomeBuilder.of(name, pending.entry())
                    .outcome(Outcome.DUPLICATE)
                    .file(planner.fileFor(pending.request()))
                    .build();
            record(outcome);
            reported.add(outcome);
        }
        deferred.clear();
        return reported;
    }

    /** The number of URL lines, counted before feeding, so that progress shows the real total. */
    void expect(long lineCount) {
        expectedLines = lineCount;
    }

    /**
     * The feed route is done: {@code wholeList} when it read the list to its end. A feed cut short by
     * shutdown leaves the batch open, to be resumed by the next start.
     */
    void allFed(long lineCount, boolean wholeList) {
        lines = lineCount;
        wholeListFed = wholeList;
    }

    boolean complete() {
        return wholeListFed && lines >= 0 && reported + deferred.size() >= lines;
    }

    void feedInterrupted() {
        feedInterrupted = true;
    }

    boolean isFeedInterrupted() {
        return feedInterrupted;
    }

    long reportedSoFar() {
        return reported;
    }

    long failedOrInvalid() {
        return failed;
    }

    Summary summary(Instant finished) {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) {
            outcomes.put(Outcome.ALL.get(i), counts[i]);
        }
        double seconds = Duration.between(started, finished).toMillis() / 1000.0;
        return new Summary(
                name,
                listName,
                reported,
                outcomes,
                bytes,
                started.truncatedTo(ChronoUnit.MILLIS).toString(),
                finished.truncatedTo(ChronoUnit.MILLIS).toString(),
                seconds,
                seconds > 0 ? Math.round(bytes / seconds) : bytes);
    }

    String progress(Instant now) {
        double seconds = Math.max(0.001, Duration.between(started, now).toMillis() / 1000.0);
        long total = lines >= 0 ? lines : Math.max(expectedLines, fed.get());
        return ProgressLine.format(name, reported, total, failed, bytes / seconds, reported / seconds);
    }

    /** A snapshot for the status page, the API and the metrics; safe to take from any thread. */
    public BatchStatus status() {
        // reported is written after the counts it covers: reading it first sees them all
        long done = reported;
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) {
            outcomes.put(Outcome.ALL.get(i), counts[i]);
        }
        long total = lines >= 0 ? lines : Math.max(expectedLines, fed.get());
        return new BatchStatus(name, listName, started, done, Math.max(total, done), outcomes, failed, bytes);
    }

    /** The lines whose outcome was failed or invalid: they make up failed.txt. */
    BitSet linesToRetry() {
        return linesToRetry;
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }
}
