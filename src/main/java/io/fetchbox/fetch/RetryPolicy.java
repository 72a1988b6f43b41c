package io.fetchbox.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * When a failed attempt is tried again, and after how long (README, "Reliability"): connection errors,
 * timeouts, resets, truncated bodies and statuses 408, 425, 429, 500, 502, 503, 504 are retried up
 * to {@code retries} more times; waits grow from {@code delay}, doubling, with jitter, up to
 * {@code maxDelay}; a {@code Retry-After} is honoured up to that cap.
 */
public final class RetryPolicy {
    private static final Set<String> RETRYABLE_CODES = Set.of("timeout", "connect", "reset", "truncated");
    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 425, 429, 500, 502, 503, 504);
    private final int retries;
    private final long delayMillis;
    private final long maxDelayMillis;
    private final DoubleSupplier random;

    public RetryPolicy(int retries, Duration delay, Duration maxDelay, DoubleSupplier random) {
        this.retries = retries;
        this.delayMillis = delay.toMillis();
        this.maxDelayMillis = maxDelay.toMillis();
        this.random = random;
    }

    /** Whether the attempt that failed this way may be followed by another. */
    public boolean mayRetry(FetchFailure failure, int attempt) {
        return attempt <= retries && isRetryable(failure);
    }

    static boolean isRetryable(FetchFailure failure) {
        if (RETRYABLE_CODES.contains(failure.code())) {
            return true;
        }
        return failure.code().startsWith("http_")
                && failure.httpStatus() != null
                && RETRYABLE_STATUSES.contains(failure.httpStatus());
    }

    /**
     * The wait before the attempt after {@code attempt}: the server's Retry-After when it sent one
     * (capped), else exponential back-off with jitter (between half and all of the doubled delay).
     */
    public long delayMillis(int attempt, String retryAfter, Instant now) {
        Long asked = RetryAfter.millis(retryAfter, now);
        if (asked != null) {
            return Math.min(asked, maxDelayMillis);
        }
        double doubled = delayMillis * Math.pow(2, Math.max(0, attempt - 1));
        double capped = Math.min(doubled, maxDelayMillis);
        return Math.round(capped / 2 + random.getAsDouble() * capped / 2);
    }
}
