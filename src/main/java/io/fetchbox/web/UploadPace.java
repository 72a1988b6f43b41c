package io.fetchbox.web;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Watches one upload's pace against its {@link UploadLimits} and the idle timeout, on a nanosecond
 * clock: a minimum number of bytes in each consecutive window, a total time, and a longest
 * silence. Plain Java so that the rules are tested on a fake clock.
 */
final class UploadPace {
    private final UploadLimits limits;
    private final long idleNanos;
    private final LongSupplier clock;
    private final long deadline;
    private long windowEnd;
    private long windowBytes;
    private long lastArrival;

    UploadPace(UploadLimits limits, long idleNanos, LongSupplier clock) {
        this.limits = limits;
        this.idleNanos = idleNanos;
        this.clock = clock;
        long now = clock.getAsLong();
        this.deadline = now + limits.total().toNanos();
        this.windowEnd = now + limits.window().toNanos();
        this.lastArrival = now;
    }

    /** Counts bytes that arrived now. */
    void arrived(long bytes) {
        windowBytes += bytes;
        lastArrival = clock.getAsLong();
    }

    /**
     * Checks the rules at this moment and returns how long the reader may wait for the next chunk
     * before it must check again (always more than 0).
     *
     * @throws UploadTooSlowException when the total time is up, the client was silent too long, or a
     *     window ended with fewer bytes than the minimum
     */
    long checkAndWaitNanos() throws UploadTooSlowException {
        long now = clock.getAsLong();
        if (now - deadline >= 0) {
            throw new UploadTooSlowException(
                    "the upload took longer than " + limits.total().toSeconds() + " s");
        }
        if (now - lastArrival >= idleNanos) {
            throw new UploadTooSlowException(
                    "the client sent nothing for " + TimeUnit.NANOSECONDS.toMillis(idleNanos) + " ms");
        }
        while (now - windowEnd >= 0) {
            if (windowBytes < limits.minBytesPerWindow()) {
                throw new UploadTooSlowException("the upload was slower than " + limits.minBytesPerWindow()
                        + " bytes in " + limits.window().toSeconds() + " s");
            }
            windowBytes = 0;
            windowEnd += limits.window().toNanos();
        }
        long wait = Math.min(Math.min(deadline - now, windowEnd - now), lastArrival + idleNanos - now);
        return Math.max(1, wait);
    }
}
