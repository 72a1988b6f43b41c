package io.fetchbox.batch;

import io.fetchbox.report.BatchEvents;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code fetchbox.stall-timeout} (README, "Operating fetchbox"): batches run, yet for that long no line
 * got its outcome and no byte of a body arrived. That is said once with why downloads wait, if they
 * do, and {@code onStall} runs ({@code --once} stops there with exit 1, its batches left in
 * {@code .inprogress/} to resume). Progress again is said too. A slow download is not a stall: every
 * byte that arrives counts.
 */
public final class StallWatch implements BatchEvents {
    private static final Logger LOG = LoggerFactory.getLogger(StallWatch.class);
    private final long timeoutNanos;
    private final LongSupplier nanoClock;
    private final IntSupplier batchesRunning;
    private final Supplier<String> pauseReason;
    private final Runnable onStall;
    private final String whatNext;
    private volatile long lastProgress;
    private boolean stalled;

    /**
     * @param timeout zero turns the watch off
     * @param pauseReason why new downloads wait (the disk), or null
     * @param whatNext what happens after a stall, for the log line
     */
    public StallWatch(
            Duration timeout,
            LongSupplier nanoClock,
            IntSupplier batchesRunning,
            Supplier<String> pauseReason,
            Runnable onStall,
            String whatNext) {
        this.timeoutNanos = timeout.toNanos();
        this.nanoClock = nanoClock;
        this.batchesRunning = batchesRunning;
        this.pauseReason = pauseReason;
        this.onStall = onStall;
        this.whatNext = whatNext;
        this.lastProgress = nanoClock.getAsLong();
    }

    /** A byte of a body arrived, or a line got its outcome. */
    public void progressed() {
        lastProgress = nanoClock.getAsLong();
    }

    @Override
    public void started(String batch) {
        progressed();
    }

    @Override
    public void outcome(io.fetchbox.report.Outcome outcome) {
        progressed();
    }

    /** Called on a timer: says a stall once when it begins, and again when progress resumes. */
    public synchronized void check() {
        if (timeoutNanos <= 0) {
            return;
        }
        long now = nanoClock.getAsLong();
        int running = batchesRunning.getAsInt();
        if (running == 0) {
            // nothing to wait for is idleness, not a stall
            lastProgress = now;
        }
        boolean quiet = now - lastProgress >= timeoutNanos;
        if (quiet && !stalled) {
            stalled = true;
            String paused = pauseReason.get();
            LOG.warn(
                    "no outcome and no byte for {} s while {} batch(es) run{}; {}",
                    TimeUnit.NANOSECONDS.toSeconds(now - lastProgress),
                    running,
                    paused == null ? "" : ", paused (" + paused + ")",
                    whatNext);
            onStall.run();
        } else if (!quiet && stalled) {
            stalled = false;
            LOG.info("downloads progress again");
        }
    }
}
