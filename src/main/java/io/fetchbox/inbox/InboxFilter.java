package io.fetchbox.inbox;

import io.fetchbox.batch.BatchRegistry;
import io.fetchbox.batch.Lifecycle;
import io.fetchbox.batch.OnceWatch;
import io.fetchbox.batch.RunVerdict;
import io.fetchbox.folders.InboxFolders;
import io.fetchbox.naming.SafeName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * The inbox consumer's filter, asked again on every poll: no temporaries; only regular files (or
 * symbolic links to them) are lists, and this is checked here, before Camel's read lock or the move to
 * {@code .inprogress/} touch the file: a FIFO, socket, device or broken symbolic link is set aside at
 * once ({@link OddFiles}), since a stuck one would be offered first on every poll and hold up every
 * list behind it, and opening a FIFO blocks; a list whose batch name
 * is still running, or still in {@code .inprogress/} from an interrupted run about to be resumed,
 * waits until that run has finished (both would write the same reports, and moving it there could
 * replace the other list); a one-shot run takes only what was there when it started; and a
 * stopping service takes nothing.
 */
public final class InboxFilter implements GenericFileFilter<Object> {
    private final Path inProgress;
    private final BooleanSupplier interruptedResumed;
    private final BatchRegistry batches;
    private final OnceWatch onceWatch;
    private final Lifecycle lifecycle;
    private final OddFiles oddFiles;

    public InboxFilter(
            Path inbox, BatchRegistry batches, OnceWatch onceWatch, Lifecycle lifecycle, RunVerdict verdict) {
        this(inbox, batches, onceWatch, lifecycle, verdict, () -> true);
    }

    /** @param interruptedResumed whether the interrupted batches are registered (batch.Recovery) */
    public InboxFilter(
            Path inbox,
            BatchRegistry batches,
            OnceWatch onceWatch,
            Lifecycle lifecycle,
            RunVerdict verdict,
            BooleanSupplier interruptedResumed) {
        this.interruptedResumed = interruptedResumed;
        this.inProgress = InboxFolders.inProgress(inbox);
        this.batches = batches;
        this.onceWatch = onceWatch;
        this.lifecycle = lifecycle;
        this.oddFiles = new OddFiles(new ErrorFolder(inbox), verdict, onceWatch);
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        if (file.isDirectory() || lifecycle.isStopping() || !interruptedResumed.getAsBoolean()) {
            return false;
        }
        String name = file.getFileNameOnly();
        if (InboxFolders.isIgnored(name) || !onceWatch.admits(name) || !isList(file)) {
            return false;
        }
        String batch = SafeName.batchName(name);
        return !batches.isActive(batch) && !interruptedBatches().contains(batch);
    }

    private boolean isList(GenericFile<Object> file) {
        Path entry = Path.of(file.getAbsoluteFilePath());
        FileType type = FileType.ofMovedTo(entry, inProgress);
        switch (type.kind()) {
            case LIST -> oddFiles.forget(file.getFileNameOnly());
            case ODD -> oddFiles.setAside(entry, type);
            case VANISHED -> oddFiles.vanished(file.getFileNameOnly());
            case DIRECTORY -> {
                // a folder is not a list, and not an error either: left alone
            }
        }
        return type.isList();
    }

    /** Batches whose list is in .inprogress/: running, or interrupted and about to be resumed. */
    private Set<String> interruptedBatches() {
        if (!Files.isDirectory(inProgress)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(inProgress)) {
            // only lists: a folder or an odd file put there meanwhile is no batch and holds no name
            return files.filter(p -> FileType.of(p).isList())
                    .map(p -> SafeName.batchName(p.getFileName().toString()))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + inProgress, e);
        }
    }
}
