package io.fetchbox.batch;

import java.io.IOException;
import java.util.List;

/**
 * The recover route's step: the interrupted batches to feed (README, "Reliability"). One node registers
 * them at start-up, before the inbox is watched; in cluster mode the leader does it here, each time it
 * becomes the leader (its recover route starts then), from the journals on the shared folder.
 */
public final class Recovery {
    private final BatchRegistry batches;
    private final boolean resumeHere;

    /** @param resumeHere whether this step registers the interrupted batches itself (cluster mode) */
    public Recovery(BatchRegistry batches, boolean resumeHere) {
        this.batches = batches;
        this.resumeHere = resumeHere;
    }

    public List<String> toFeed() throws IOException {
        if (resumeHere) {
            batches.resumeInterrupted();
        }
        return batches.resumedToFeed();
    }
}
