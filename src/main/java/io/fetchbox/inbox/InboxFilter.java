package io.fetchbox.inbox;

import io.fetchbox.batch.BatchRegistry;
import io.fetchbox.batch.OnceWatch;
import io.fetchbox.naming.SafeName;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * The inbox consumer's filter, asked again on every poll: no temporaries; a list whose batch name
 * is still running waits until that run has finished (both would write the same reports); a list
 * whose file name is still in {@code .inprogress/} (an interrupted run) waits too, since moving it
 * there would replace that one; and a one-shot run takes only what was there when it started.
 */
public final class InboxFilter implements GenericFileFilter<Object> {
    private final Path inProgress;
    private final BatchRegistry batches;
    private final OnceWatch onceWatch;

    public InboxFilter(Path inbox, BatchRegistry batches, OnceWatch onceWatch) {
        this.inProgress = inbox.resolve(".inprogress");
        this.batches = batches;
        this.onceWatch = onceWatch;
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        if (file.isDirectory()) {
            return false;
        }
        String name = file.getFileNameOnly();
        return !InboxNames.isIgnored(name)
                && onceWatch.admits(name)
                && !batches.isActive(SafeName.batchName(name))
                && !Files.exists(inProgress.resolve(name));
    }
}
