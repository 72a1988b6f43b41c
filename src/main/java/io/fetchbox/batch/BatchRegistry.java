package io.fetchbox.batch;

import io.fetchbox.fetch.FetchProps;
import io.fetchbox.fetch.FileState;
import io.fetchbox.folders.InboxFolders;
import io.fetchbox.list.ListFormat;
import io.fetchbox.list.RetryTarget;
import io.fetchbox.logging.BatchField;
import io.fetchbox.naming.Layout;
import io.fetchbox.naming.NamePlanner;
import io.fetchbox.naming.SafeName;
import io.fetchbox.report.BatchEvents;
import io.fetchbox.report.BatchFed;
import io.fetchbox.report.FailureLog;
import io.fetchbox.report.Journal;
import io.fetchbox.report.JournalReader;
import io.fetchbox.report.Outcome;
import io.fetchbox.report.OutcomeItem;
import io.fetchbox.report.PendingDuplicate;
import io.fetchbox.report.ReportFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running batches: opened by the inbox route, fed by the feed route, and told every outcome by
 * the report route, which alone writes their reports and finishes them.
 */
public final class BatchRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(BatchRegistry.class);
    private final Path inbox;
    private final Path output;
    private final FileState state;
    private final ReportFiles reports;
    private final Layout layout;
    private final boolean nameFromResponse;
    private final OutputClaims claims;
    private final RunVerdict verdict;
    private final OnceWatch onceWatch;
    private final FailureLog failureLog;
    private final Supplier<String> pauseReason;
    private final BatchFinisher finisher;
    private final RunningBatches runs;
    private final Queue<String> toFeed = new ConcurrentLinkedQueue<>();
    private final BatchEvents events;

    /**
     * @param failureLog which failures were logged and which only counted (shown by the progress line)
     * @param pauseReason why new downloads wait (the disk), or null: the progress line says so
     * @param runs the running batches, which this registry alone adds and removes
     * @param events who hears of runs starting and finishing and of every outcome (metrics, the status page)
     */
    public BatchRegistry(
            Path inbox,
            Path output,
            FileState state,
            ReportFiles reports,
            Layout layout,
            boolean nameFromResponse,
            OutputClaims claims,
            RunVerdict verdict,
            OnceWatch onceWatch,
            FailureLog failureLog,
            Supplier<String> pauseReason,
            RunningBatches runs,
            BatchEvents events) {
        this.runs = runs;
        this.events = events;
        this.failureLog = failureLog;
        this.pauseReason = pauseReason;
        this.inbox = inbox;
        this.output = output;
        this.state = state;
        this.reports = reports;
        this.layout = layout;
        this.nameFromResponse = nameFromResponse;
        this.claims = claims;
        this.verdict = verdict;
        this.onceWatch = onceWatch;
        this.finisher = new BatchFinisher(inbox, output, state, reports, layout);
    }

    /** Starts a run for a list that is now in {@code .inprogress/}; returns the batch name. */
    public String open(String listFile, String listName) throws IOException {
        String batch = SafeName.batchName(listName);
        if (runs.contains(batch)) {
            // the inbox filter holds such a list back; this guards the reports of the running one
            throw new IllegalStateException("batch " + batch + " is already running");
        }
        reports.archivePrevious(batch);
        Instant started = Instant.now();
        String runId = UUID.randomUUID().toString();
        reports.recordStart(batch, listName, started, runId);
        BatchRun run = newRun(batch, listName, Path.of(listFile), started, runId);
        register(run);
        try (BatchField.Scope scope = BatchField.of(batch)) {
            LOG.info(
                    "{}: started, list {} ({})",
                    batch,
                    listName,
                    run.format().name().toLowerCase());
        }
        return batch;
    }

    /**
     * Resumes a run that was interrupted (crash, kill, shutdown): its list is still in
     * {@code .inprogress/}. The journal says which lines have their outcome; those are counted and
     * not fetched again; the others are fed as for a new run. Returns the batch name.
     */
    public String resume(Path listFile) throws IOException {
        String listName = listFile.getFileName().toString();
        String batch = SafeName.batchName(listName);
        if (runs.contains(batch)) {
            throw new IllegalStateException("batch " + batch + " is already running");
        }
        Instant started = reports.startOf(batch).orElseGet(Instant::now);
        // a run recorded before runs had identifiers gets one now; outcomes in flight carry none then
        String runId = reports.runOf(batch).orElseGet(() -> UUID.randomUUID().toString());
        BatchRun run = newRun(batch, listName, listFile, started, runId);
        JournalReader.replay(reports.journal(batch), run::recordedBefore);
        register(run);
        try (BatchField.Scope scope = BatchField.of(batch)) {
            LOG.info("{}: resumed, list {}: {} lines already have their outcome", batch, listName, run.reportedSoFar());
        }
        return batch;
    }

    private void register(BatchRun run) {
        if (runs.addIfAbsent(run) != null) {
            throw new IllegalStateException("batch " + run.name() + " is already running");
        }
        events.started(run.name());
    }

    /**
     * Every list an interrupted run left in {@code .inprogress/}, registered again before the inbox
     * is watched (so that no new list can take its batch name); the recover route then feeds them.
     */
    public void resumeInterrupted() throws IOException {
        toFeed.addAll(registerInterrupted());
    }

    /**
     * Forgets every running batch, their files still in .inprogress/ and their journals as they are:
     * this node no longer leads, and the next leader resumes them (cluster mode).
     */
    public void forgetAll() {
        for (BatchStatus status : runs.statuses()) {
            String batch = status.name();
            runs.remove(batch);
            failureLog.forget(batch);
            claims.releaseBatch(batch);
            events.finished(batch);
        }
        toFeed.clear();
    }

    /** The resumed batches not yet handed to the feed route (each is handed over once). */
    public List<String> resumedToFeed() {
        List<String> names = new ArrayList<>();
        for (String name; (name = toFeed.poll()) != null; ) {
            names.add(name);
        }
        return names;
    }

    private List<String> registerInterrupted() throws IOException {
        Path folder = InboxFolders.inProgress(inbox);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> lists;
        try (Stream<Path> files = Files.list(folder)) {
            lists = files.filter(Files::isRegularFile)
                    .filter(p -> !InboxFolders.isIgnored(p.getFileName().toString()))
                    .sorted()
                    .toList();
        }
        List<String> resumed = new ArrayList<>();
        for (Path list : lists) {
            // a new leader's inbox may have opened a list since it was put there; it runs already
            if (!runs.contains(SafeName.batchName(list.getFileName().toString()))) {
                resumed.add(resume(list));
            }
        }
        return resumed;
    }

    private BatchRun newRun(String batch, String listName, Path listFile, Instant started, String runId)
            throws IOException {
        String retried = RetryTarget.of(listFile, ListFormat.of(listName));
        String folder = retried == null ? batch : SafeName.batchName(retried);
        if (retried != null) {
            try (BatchField.Scope scope = BatchField.of(batch)) {
                LOG.info("{}: retries batch {}; its files go to that batch's folder", batch, folder);
            }
        }
        return new BatchRun(
                batch,
                folder,
                listName,
                listFile,
                started,
                runId,
                new NamePlanner(layout, folder, claims.forBatch(batch), nameFromResponse),
                new Journal(reports.journal(batch)));
    }

    public boolean isActive(String batch) {
        return runs.contains(batch);
    }

    /** The running batches, for the status page and the API. */
    public BatchRun run(String batch) {
        BatchRun run = runs.get(batch);
        if (run == null) {
            throw new IllegalStateException("no running batch " + batch);
        }
        return run;
    }

    /** The identifier of the running batch's run, or null when {@code batch} is not running. */
    public String runId(String batch) {
        BatchRun run = runs.get(batch);
        return run == null ? null : run.runId();
    }

    /**
     * Takes one item of the outcome queue: an outcome, or the news that a list was read to its end.
     * {@code runId} is the run the item was sent for, when it crossed the broker (cluster mode): an item
     * of another run, of a batch not running, or a second outcome of a line, is dropped and counted
     * (README, "Running a cluster").
     */
    public void record(OutcomeItem item, @Header(FetchProps.RUN) String runId) {
        String batch = batchOf(item);
        BatchRun run = runs.get(batch);
        if (run == null || (runId != null && !runId.equals(run.runId()))) {
            LOG.debug("{}: an outcome of another run of it dropped ({})", batch, item);
            events.dropped(batch, BatchEvents.STALE);
            return;
        }
        record(run, item);
    }

    /** An item of this node's own run (one node, or a test): recorded as {@link #record(OutcomeItem, String)} does. */
    public void record(OutcomeItem item) {
        record(item, null);
    }

    private void record(BatchRun run, OutcomeItem item) {
        // over the sealed type's three records; a pattern switch would check that, but is a preview in Java 17
        if (item instanceof Outcome outcome) {
            if (run.record(outcome)) {
                events.outcome(outcome);
            } else {
                events.dropped(run.name(), BatchEvents.DUPLICATE);
            }
        } else if (item instanceof PendingDuplicate pending) {
            run.defer(pending);
        } else if (item instanceof BatchFed fed) {
            run.allFed(fed.lines(), fed.wholeList());
        } else {
            throw new AssertionError("OutcomeItem permits no " + item.getClass());
        }
    }

    public boolean isComplete(Object item) {
        BatchRun run = runs.get(batchOf(item));
        return run != null && run.complete();
    }

    /**
     * failed.txt is complete, the list moves to {@code .done/}, and the summary is written last. Returns the
     * summary's bytes as written (for fetchbox.notify), or null when the reports could not be finished.
     */
    public byte[] finish(Object item) {
        BatchRun run = runs.get(batchOf(item));
        try (BatchField.Scope scope = BatchField.of(run.name())) {
            return finish(run);
        }
    }

    private byte[] finish(BatchRun run) {
        try {
            run.reportDeferred().forEach(events::outcome);
            return finisher.writeReports(run);
        } catch (IOException | RuntimeException e) {
            LOG.error("{}: could not finish its reports: {}", run.name(), e.toString());
            return null;
        } finally {
            runs.remove(run.name());
            failureLog.forget(run.name());
            claims.releaseBatch(run.name());
            if (run.failedOrInvalid() > 0) {
                verdict.urlsFailed();
            }
            onceWatch.ended(run.listName());
            events.finished(run.name());
        }
    }

    public void logProgress() {
        Instant now = Instant.now();
        String paused = pauseReason.get();
        runs.all().forEach(run -> {
            long unlogged = failureLog.unlogged(run.name());
            try (BatchField.Scope scope = BatchField.of(run.name())) {
                LOG.info(run.progress(now)
                        + (unlogged == 0 ? "" : ", " + unlogged + " failure lines not logged")
                        + (paused == null ? "" : ", paused (" + paused + ")"));
            }
        });
    }

    /** The batch an item of the outcome queue belongs to. */
    public static String batchOf(Object item) {
        return ((OutcomeItem) item).batch();
    }
}
