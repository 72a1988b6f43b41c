package io.fetchbox.web;

import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How much of the server one list upload may hold (README, "Operating fetchbox"). An upload is
 * read by a blocking stream on one of the Vert.x worker threads that also answer the page, the
 * API, health and metrics; so only {@link #DEFAULT}'s {@code slots} run at once, and each must keep
 * up a minimum rate and end within a total time, whatever the client does.
 *
 * @param slots uploads read at once; more are answered 503 before any body byte is read
 * @param minBytesPerWindow bytes that must arrive in every {@code window} until the body ends
 * @param window the span the minimum rate is averaged over
 * @param total longest time from the first read to the end of the body
 * @param retryAfter what a refused client is told to wait
 */
public record UploadLimits(int slots, long minBytesPerWindow, Duration window, Duration total, Duration retryAfter) {

    /** 4 at a time, at least 1 KiB/s averaged over 10 s, at most 10 minutes; retry after 5 s. */
    public static final UploadLimits DEFAULT =
            new UploadLimits(4, 10 * 1024, Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofSeconds(5));

    /**
     * The options of the server's Vert.x (Camel's platform-http takes a {@code VertxOptions} bean
     * when it makes its Vert.x): an upload runs on one worker thread for up to {@link #total()}, so
     * Vert.x reports a worker as blocked only after that, not after its default of 60 s, which would
     * log a stack trace every second of a long, legitimate upload.
     */
    public VertxOptions vertxOptions() {
        return new VertxOptions()
                .setMaxWorkerExecuteTime(total.plus(window).toNanos())
                .setMaxWorkerExecuteTimeUnit(TimeUnit.NANOSECONDS);
    }

    public UploadLimits {
        if (slots < 1 || minBytesPerWindow < 0 || window.isNegative() || window.isZero() || total.isNegative()) {
            throw new IllegalArgumentException("bad upload limits");
        }
    }
}
