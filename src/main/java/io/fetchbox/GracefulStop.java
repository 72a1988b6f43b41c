package io.fetchbox;

import io.fetchbox.batch.Lifecycle;
import io.fetchbox.config.Durations;
import io.fetchbox.fetch.HostScheduler;
import io.fetchbox.notify.Notices;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How fetchbox stops (README, "Reliability"): no new list is taken and no new download starts;
 * downloads in flight and summaries being sent (fetchbox.notify) may finish within a grace; what is
 * still running then is cut, one line each; then the run ends. What was left is done by the next
 * start.
 */
final class GracefulStop {
    private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);

    /** How long the downloads cut after the grace may take to record their one line each. */
    private static final Duration CUT_WAIT = Duration.ofMillis(700);

    private final HostScheduler<?> scheduler;
    private final Lifecycle lifecycle;
    private final Notices notices;
    private final Runnable completeRun;
    /** Set when the grace is over and the downloads still in flight are cut. */
    private final AtomicBoolean cutting = new AtomicBoolean();

    private volatile CamelContext context;

    GracefulStop(HostScheduler<?> scheduler, Lifecycle lifecycle, Notices notices, Runnable completeRun) {
        this.scheduler = scheduler;
        this.lifecycle = lifecycle;
        this.notices = notices;
        this.completeRun = completeRun;
    }

    /** The context whose fetch and notify routes a stop drains. */
    void stopping(CamelContext context) {
        this.context = context;
    }

    /** Whether a failing download is a cut one: one line, no outcome, its partial body kept. */
    boolean cutting() {
        return cutting.get();
    }

    /** Stops taking work, lets what is in flight finish for up to {@code grace}, then ends the run. */
    void drainThenStop(Duration grace) {
        String allowed = grace.isZero() ? "no time" : "up to " + Durations.format(grace);
        LOG.info(
                "stopping: taking no new list or download; {} download(s) in flight, given {} to finish",
                scheduler.inFlight(),
                allowed);
        lifecycle.stopping();
        scheduler.stop();
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            if (!scheduler.awaitIdle(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn(
                        "stopping: {} download(s) still in flight: cutting them; they are resumed by the next start",
                        scheduler.inFlight());
                cutting.set(true);
                DownloadCut.cut(context, CUT_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        NoticeDrain.awaitThenCut(context, notices, deadline);
        completeRun.run();
    }
}
