package io.fetchbox.batch;

import io.fetchbox.list.ListFormat;
import io.fetchbox.naming.NamePlanner;
import io.fetchbox.report.FailedList;
import io.fetchbox.report.Journal;
import io.fetchbox.report.Outcome;
import io.fetchbox.report.OutcomeBuilder;
import io.fetchbox.report.ProgressLine;
import io.fetchbox.report.Summary;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run of one list. Its journal and failed list are written only by the report route's single
 * thread; the feeder counts lines as it plans them; the progress timer only reads.
 */
public final class BatchRun implements Closeable {
    private final String name;
    private final String listName;
    private final Path listFile;
    private final ListFormat format;
    private final Instant started;
    private final NamePlanner planner;
    private final Journal journal;
    private final FailedList failedList;
    private final AtomicLong fed = new AtomicLong();
    private final long[] counts = new long[Outcome.ALL.size()];
    private final List<PendingDuplicate> deferred = new ArrayList<>();
    private volatile long reported;
    private volatile long failed;
    private volatile long bytes;
    private volatile long lines = -1;

    BatchRun(
            String name,
            String listName,
            Path listFile,
            Instant started,
            NamePlanner planner,
            Journal journal,
            FailedList failedList) {
        this.name = name;
        this.listName = listName;
        this.listFile = listFile;
        this.format = ListFormat.of(listName);
        this.started = started;
        this.planner = planner;
        this.journal = journal;
        this.failedList = failedList;
    }

    public String name() {
        return name;
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

    long countFed() {
        return fed.incrementAndGet();
    }

    long fedSoFar() {
        return fed.get();
    }

    void record(Outcome outcome) throws IOException {
        journal.append(outcome);
        if (outcome.needsRetry()) {
            failedList.append(outcome.failedText());
            failed++;
        }
        counts[Outcome.ALL.indexOf(outcome.outcome())]++;
        if (Outcome.DOWNLOADED.equals(outcome.outcome()) && outcome.bytes() != null) {
            bytes += outcome.bytes();
        }
        reported++;
    }

    void defer(PendingDuplicate duplicate) {
        deferred.add(duplicate);
    }

    /** Reports the duplicates that waited for their first line's name, now that every name is known. */
    void reportDeferred() throws IOException {
        for (PendingDuplicate pending : deferred) {
            record(OutcomeBuilder.of(name, pending.entry())
                    .outcome(Outcome.DUPLICATE)
                    .file(planner.fileFor(pending.request()))
                    .build());
        }
        deferred.clear();
    }

    void allFed(long lineCount) {
        lines = lineCount;
    }

    boolean complete() {
        return lines >= 0 && reported + deferred.size() >= lines;
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
        long total = lines >= 0 ? lines : fed.get();
        return ProgressLine.format(name, reported, total, failed, bytes / seconds, reported / seconds);
    }

    @Override
    public void close() throws IOException {
        try {
            journal.close();
        } finally {
            failedList.close();
        }
    }
}
