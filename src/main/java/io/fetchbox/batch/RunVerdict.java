package io.fetchbox.batch;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the exit code of a {@code --once} run says: 2 a list was refused, 1 a URL failed or the run
 * stalled (its batches left to resume), else 0.
 */
public final class RunVerdict {
    private final AtomicBoolean refused = new AtomicBoolean();
    private final AtomicBoolean urlsFailed = new AtomicBoolean();

    public void listRefused() {
        refused.set(true);
    }

    public void urlsFailed() {
        urlsFailed.set(true);
    }

    /** Nothing progressed for fetchbox.stall-timeout: the run ends unfinished. */
    public void stalled() {
        urlsFailed.set(true);
    }

    public int exitCode() {
        if (refused.get()) {
            return 2;
        }
        return urlsFailed.get() ? 1 : 0;
    }
}
