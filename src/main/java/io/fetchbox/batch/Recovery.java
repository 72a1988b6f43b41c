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
    // one node has resumed before its routes start; a cluster's leader each time it takes the lead
    private volatile boolean resumed;

    /** @param resumeHere whether this step registers the interrupted batches itself (cluster mode) */
    public Recovery(BatchRegistry batches, boolean resumeHere) {
        this.batches = batches;
        this.resumeHere = resumeHere;
        this.resumed = !resumeHere;
    }

    public List<String> toFeed() throws IOException {
        if (resumeHere) {
            try {
                batches.resumeInterrupted();
            } finally {
                resumed = true;
            }
        }
        return batches.resumedToFeed();
    }

    /**
     * Whether the interrupted batches are registered: until then the inbox takes no list, or a list
     * it moves into {@code .inprogress/} meanwhile would be taken for an interrupted one as well.
     */
    public boolean hasResumed() {
        return resumed;
    }

    /** This node no longer leads: when it leads again, it resumes again before taking lists. */
    public void leadershipLost() {
        if (resumeHere) {
            resumed = false;
        }
    }
}
