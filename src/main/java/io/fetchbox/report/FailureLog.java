package io.fetchbox.report;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many failure lines the log gets: at most {@link #LINES_PER_CODE} per batch and error code,
 * so that 2,000 404s of one list do not drown the progress lines; the rest are counted, and the
 * progress line says how many (README, "Operating fetchbox"). Every failure is in the report anyway.
 */
public final class FailureLog {
    public static final int LINES_PER_CODE = 20;

    private final Map<String, AtomicLong> seen = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> unlogged = new ConcurrentHashMap<>();

    /** Whether this failure of {@code batch} with {@code code} gets its line; counted either way. */
    public boolean admits(String batch, String code) {
        long n =
                seen.computeIfAbsent(batch + '\n' + code, k -> new AtomicLong()).incrementAndGet();
        if (n <= LINES_PER_CODE) {
            return true;
        }
        unlogged.computeIfAbsent(batch, k -> new AtomicLong()).incrementAndGet();
        return false;
    }

    /** Failure lines of {@code batch} that were counted, not logged. */
    public long unlogged(String batch) {
        AtomicLong count = unlogged.get(batch);
        return count == null ? 0 : count.get();
    }

    /** The batch ended: its counts go (a new run of the same name starts afresh). */
    public void forget(String batch) {
        unlogged.remove(batch);
        seen.keySet().removeIf(key -> key.startsWith(batch + '\n'));
    }
}
