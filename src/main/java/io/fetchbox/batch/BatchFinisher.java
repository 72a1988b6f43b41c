package io.fetchbox.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fetchbox.fetch.FileState;
import io.fetchbox.fetch.TempFiles;
import io.fetchbox.folders.InboxFolders;
import io.fetchbox.list.EntryIterator;
import io.fetchbox.list.ListReader;
import io.fetchbox.naming.Layout;
import io.fetchbox.report.AtomicFiles;
import io.fetchbox.report.FailedList;
import io.fetchbox.report.ProgressLine;
import io.fetchbox.report.ReportFiles;
import io.fetchbox.report.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch whose every line has its outcome is finished on disk (README, "Reports"): its journal closed,
 * {@code failed.txt} complete in list order, temporary files of its folder swept, the list moved to
 * {@code .done/}, and the summary written last, so that a summary always means a finished batch.
 */
final class BatchFinisher {
    private static final Logger LOG = LoggerFactory.getLogger(BatchFinisher.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path inbox;
    private final Path output;
    private final FileState state;
    private final ReportFiles reports;
    private final Layout layout;

    BatchFinisher(Path inbox, Path output, FileState state, ReportFiles reports, Layout layout) {
        this.inbox = inbox;
        this.output = output;
        this.state = state;
        this.reports = reports;
        this.layout = layout;
    }

    /** Returns the summary's bytes as written (for fetchbox.notify). */
    byte[] writeReports(BatchRun run) throws IOException {
        run.close();
        try (EntryIterator list = ListReader.open(run.listFile(), run.format())) {
            FailedList.write(reports.failedList(run.name()), run.folder(), run.listFile(), list, run.linesToRetry());
        }
        sweepTemporaries(run.folder());
        Path done = moveToDone(run.listFile(), run.listName());
        Summary summary = run.summary(Instant.now());
        byte[] json = JSON.writeValueAsBytes(summary);
        AtomicFiles.write(reports.summary(run.name()), json);
        String failedList =
                run.failedOrInvalid() > 0 ? ReportFiles.shown(reports.failedList(run.name()), Path.of("")) : null;
        LOG.info(
                "{}; list moved to {}",
                ProgressLine.done(run.name(), summary.seconds(), summary.outcomes(), failedList),
                inbox.relativize(done));
        return json;
    }

    /**
     * Every line has its outcome, so no partial body of this batch will be resumed: in the batch
     * layout, temporary files left in its folder (by a crash of an earlier run) go.
     */
    private void sweepTemporaries(String batch) throws IOException {
        Path folder = output.resolve(batch);
        if (layout != Layout.BATCH || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            // regular files only: a link someone left under such a name is not ours
            for (Path temp : files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .toList()) {
                String name = temp.getFileName().toString();
                if (TempFiles.isTemporary(name)) {
                    Files.deleteIfExists(temp);
                    state.forgetPartial(output.relativize(temp.resolveSibling(TempFiles.targetName(name)))
                            .toString());
                } else if (TempFiles.isLegacyTemporary(name)) {
                    Files.deleteIfExists(temp);
                }
            }
        }
    }

    private Path moveToDone(Path listFile, String listName) throws IOException {
        Path folder = InboxFolders.done(inbox);
        Files.createDirectories(folder);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            // a link planted there would take the list anywhere fetchbox may write
            throw new IOException("inbox/.done is a link, not a folder: the list stays in .inprogress/");
        }
        Path target = folder.resolve(listName);
        // NOFOLLOW: a broken link there takes the name too, and the rename would replace it
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            target = folder.resolve(Stamped.name(listName, Instant.now()));
        }
        return Files.move(listFile, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
