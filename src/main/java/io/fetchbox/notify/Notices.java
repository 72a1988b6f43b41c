package io.fetchbox.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the summaries on their way to fetchbox.notify's endpoints (routes/report.camel.yaml hands them over,
 * routes/notify.camel.yaml sends them), so that a {@code --once} run ends only once each is sent or given up
 * (README, "Operating fetchbox"). A notice is counted before the batch's finish can end the run, and settled when
 * it is not sent after all, is dropped, or the notify route is done with it.
 */
public final class Notices {
    private static final Logger LOG = LoggerFactory.getLogger(Notices.class);

    private final boolean on;
    private int pending;
    private Runnable whenAllSent;
    private volatile boolean stopping;

    /** @param on whether fetchbox.notify names any endpoint; when off, nothing is counted or sent */
    public Notices(boolean on) {
        this.on = on;
    }

    /** A batch is about to finish: its notice is counted before finishing it may end a --once run. */
    public synchronized void expect() {
        if (on) {
            pending++;
        }
    }

    /** Whether the summary finish returned goes out; null when it could not be written, and then nothing does. */
    public boolean wanted(Object summary) {
        if (on && summary == null) {
            settle();
        }
        return on && summary != null;
    }

    /** The notify route's queue refused the notice (full): the batch is not held up for it, nor failed. */
    public void dropped(String batch, Exception reason) {
        LOG.warn("{}: summary not sent: the notify route's queue refused it ({})", batch, reason.getMessage());
        settle();
    }

    /** The notify route is done with one notice: sent or given up for each endpoint. */
    public void done() {
        settle();
    }

    /**
     * Whether a failed attempt is tried again (the retryWhile of routes/notify.camel.yaml): up to {@code retries}
     * times, and no more once SIGTERM's time for notices is over (README, "Operating fetchbox").
     */
    public boolean mayRetry(int failures, int retries) {
        return !stopping && failures <= retries;
    }

    /** SIGTERM's time for notices is over: a failed attempt is given up at once. */
    public void stopRetrying() {
        stopping = true;
    }

    /** Runs {@code then} once no notice is pending: now, or when the last one is settled. */
    public void whenAllSent(Runnable then) {
        synchronized (this) {
            if (pending > 0) {
                whenAllSent = then;
                return;
            }
        }
        then.run();
    }

    private void settle() {
        Runnable then = null;
        synchronized (this) {
            pending--;
            if (pending == 0 && whenAllSent != null) {
                then = whenAllSent;
                whenAllSent = null;
            }
        }
        if (then != null) {
            then.run();
        }
    }
}
