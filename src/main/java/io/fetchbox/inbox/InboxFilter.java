package io.fetchbox.inbox;

import io.fetchbox.batch.BatchRegistry;
import io.fetchbox.naming.SafeName;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * The inbox consumer's filter: no temporaries, and a list whose batch name is still running waits
 * until that run has finished (both runs would write the same report files).
 */
public final class InboxFilter implements GenericFileFilter<Object> {
    private final BatchRegistry batches;

    public InboxFilter(BatchRegistry batches) {
        this.batches = batches;
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        if (file.isDirectory()) {
            return false;
        }
        String name = file.getFileNameOnly();
        return !InboxNames.isIgnored(name) && !batches.isActive(SafeName.batchName(name));
    }
}
