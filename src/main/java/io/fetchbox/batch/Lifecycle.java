package io.fetchbox.batch;

/**
 * Whether the service is stopping (SIGTERM): from then on no new list is taken and no new download
 * starts, and a list whose feed is cut short stays in {@code .inprogress/} for the next start.
 */
public final class Lifecycle {
    private volatile boolean stopping;

    public void stopping() {
        stopping = true;
    }

    public boolean isStopping() {
        return stopping;
    }
}
