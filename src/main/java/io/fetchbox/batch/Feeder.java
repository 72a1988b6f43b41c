package io.fetchbox.batch;

import io.fetchbox.fetch.FetchProps;
import io.fetchbox.fetch.FetchTask;
import io.fetchbox.list.ListReader;
import io.fetchbox.list.UrlEntry;
import io.fetchbox.logging.BatchField;
import io.fetchbox.naming.NamePlanner;
import io.fetchbox.naming.NameRequest;
import io.fetchbox.naming.SafeName;
import io.fetchbox.report.BatchFed;
import io.fetchbox.report.Outcome;
import io.fetchbox.report.OutcomeBuilder;
import io.fetchbox.report.PendingDuplicate;
import io.fetchbox.url.ParsedUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a batch's list as a stream and decides, in list order, what becomes of each line: invalid
 * and duplicate lines get their outcome at once, a file to keep under {@code existing=skip} is
 * skipped, everything else becomes a {@link FetchTask} with its planned name.
 */
public final class Feeder {
    private static final Logger LOG = LoggerFactory.getLogger(Feeder.class);
    public static final String BATCH = FetchProps.BATCH;
    private final BatchRegistry batches;
    private final Lifecycle lifecycle;
    private final Path output;
    private final boolean skipExisting;
    private final String node;
    private final ResponseNaming naming;

    public Feeder(BatchRegistry batches, Lifecycle lifecycle, Path output, boolean skipExisting, String node) {
        this(batches, lifecycle, output, skipExisting, node, ResponseNaming.NONE);
    }

    /** @param naming how lines without {@code out} are named when their response arrives */
    public Feeder(
            BatchRegistry batches,
            Lifecycle lifecycle,
            Path output,
            boolean skipExisting,
            String node,
            ResponseNaming naming) {
        this.naming = naming;
        this.batches = batches;
        this.lifecycle = lifecycle;
        this.output = output;
        this.skipExisting = skipExisting;
        this.node = node;
    }

    public Iterator<UrlEntry> entries(@ExchangeProperty(BATCH) String batch) throws IOException {
        BatchRun run = batches.run(batch);
        return ListReader.open(run.listFile(), run.format());
    }

    /** Counts the list's URL lines before feeding it (a second streaming read), for the progress total. */
    public void count(@ExchangeProperty(BATCH) String batch) throws IOException {
        BatchRun run = batches.run(batch);
        run.expect(ListReader.count(run.listFile(), run.format()));
    }

    /** Whether what {@link #plan} returned goes to the host scheduler (else it is for the report route). */
    public boolean isTask(Object planned) {
        return planned instanceof FetchTask;
    }

    public Object plan(UrlEntry entry, @ExchangeProperty(BATCH) String batch) {
        BatchRun run = batches.run(batch);
        run.countFed();
        if (!entry.isValid()) {
            if (run.reportedBefore(entry.line())) {
                return null;
            }
            run.logInvalid(entry);
            return OutcomeBuilder.of(batch, entry)
                    .outcome(Outcome.INVALID)
                    .error("invalid_url")
                    .errorDetail(entry.invalid())
                    .build();
        }
        try {
            return planValid(run, entry);
        } catch (RuntimeException e) {
            if (run.reportedBefore(entry.line())) {
                // an interrupted run already reported it: once per line, whatever the reason
                return null;
            }
            try (BatchField.Scope scope = BatchField.of(batch)) {
                LOG.error("{} line {}: cannot plan a file for it: {}", batch, entry.line(), e.getMessage());
            }
            return OutcomeBuilder.of(batch, entry)
                    .outcome(Outcome.INVALID)
                    .error("invalid_url")
                    .errorDetail("cannot plan a file name: " + e.getMessage())
                    .build();
        }
    }

    private Object planValid(BatchRun run, UrlEntry entry) {
        String batch = run.name();
        ParsedUrl url = ParsedUrl.parse(entry.url());
        NameRequest request = requestOf(url, entry);
        // planned even when already reported, so that a resumed run gives every line the same name
        NamePlanner.Plan plan = run.planner().plan(request);
        if (run.reportedBefore(entry.line())) {
            return null;
        }
        if (plan.duplicate() && plan.file() == null) {
            return new PendingDuplicate(batch, entry, request);
        }
        if (plan.duplicate()) {
            return OutcomeBuilder.of(batch, entry)
                    .outcome(Outcome.DUPLICATE)
                    .file(plan.file())
                    .build();
        }
        if (skipExisting
                && plan.file() != null
                && Files.exists(output.resolve(plan.file()), LinkOption.NOFOLLOW_LINKS)) {
            return OutcomeBuilder.of(batch, entry)
                    .outcome(Outcome.SKIPPED)
                    .file(plan.file())
                    .node(node)
                    .build();
        }
        UrlEntry fetched = plan.changedFile() == null
                ? entry
                : entry.withWarning(plan.changedFile() + " was changed since fetchbox wrote it; left as it is, this"
                        + " download is saved as " + plan.file());
        return new FetchTask(batch, fetched, plan.file(), url.hostKey());
    }

    /**
     * The next free file for a download whose file name someone else took meanwhile (see {@link
     * io.fetchbox.fetch.Publisher}): from the batch's name planner, or, on a cluster node that does not
     * lead and so has no planner, the first number after the planned name with nothing on disk (README,
     * "Running a cluster"). Publishing never replaces another URL's file, so a number the planner gives
     * a later line meanwhile only makes that line take the next one.
     */
    public String renumber(FetchTask task, String taken) {
        if (batches.runId(task.batch()) != null) {
            return batches.run(task.batch()).planner().replan(requestOf(task.entry()), taken);
        }
        String planned = task.file();
        int slash = planned.lastIndexOf('/');
        String folder = planned.substring(0, slash + 1);
        String name = planned.substring(slash + 1);
        for (int n = 1; n <= MAX_NUMBER_PROBED; n++) {
            String candidate = folder + SafeName.numbered(name, n);
            if (!candidate.equals(taken) && !Files.exists(output.resolve(candidate), LinkOption.NOFOLLOW_LINKS)) {
                return candidate;
            }
        }
        throw new IllegalStateException(planned + " and its first " + MAX_NUMBER_PROBED + " numbers are all taken");
    }

    /** Numbers a node without the planner tries for a taken name: as many as a folder of such files holds. */
    private static final int MAX_NUMBER_PROBED = 100_000;

    /**
     * With {@code fetchbox.content-disposition=true} or {@code fetchbox.adjust-extension=true} a line
     * without {@code out} is named only when its response arrives: from the header when it offers a
     * name, else from the URL; then given its type's extension when it lacks one.
     */
    public void nameFromResponse(Exchange exchange) {
        FetchTask task = exchange.getProperty(FetchProps.TASK, FetchTask.class);
        if (task.file() != null) {
            return;
        }
        String file = batches.run(task.batch())
                .planner()
                .planLate(requestOf(task.entry()), naming.disposition(exchange), naming.adjuster(exchange));
        exchange.setProperty(FetchProps.TASK, task.withFile(file));
    }

    static NameRequest requestOf(UrlEntry entry) {
        return requestOf(ParsedUrl.parse(entry.url()), entry);
    }

    private static NameRequest requestOf(ParsedUrl url, UrlEntry entry) {
        return new NameRequest(url.normalized(), url.host(), url.port(), url.rawPath(), entry.out(), entry.dir());
    }

    /**
     * The feed stopped before the list's end. When the service is stopping, the batch stays open for
     * the next start; any other failure (the list became unreadable) ends the batch with the lines
     * read so far, so that nothing waits forever.
     */
    public void readFailed(String batch, Exception e) {
        BatchRun run = batches.run(batch);
        try (BatchField.Scope scope = BatchField.of(batch)) {
            if (lifecycle.isStopping()) {
                run.feedInterrupted();
                LOG.info("{}: stopping after {} lines; the rest is fed by the next start", batch, run.fedSoFar());
            } else {
                LOG.error(
                        "{}: reading the list failed after {} lines; the batch ends with those: {}",
                        batch,
                        run.fedSoFar(),
                        e.toString());
            }
        }
    }

    public BatchFed fed(@ExchangeProperty(BATCH) String batch) {
        BatchRun run = batches.run(batch);
        return new BatchFed(batch, run.fedSoFar(), !run.isFeedInterrupted());
    }
}
