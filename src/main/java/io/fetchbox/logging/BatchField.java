package io.fetchbox.logging;

import org.slf4j.MDC;

/**
 * The batch the log lines of a scope concern, in the MDC key {@code batch}: a field of its own in
 * fetchbox.log-format=json (README, "Operating fetchbox"); the text line already starts with it.
 *
 * <pre>{@code
 * try (BatchField.Scope scope = BatchField.of(batch)) {
 *     LOG.info("{}: started", batch);
 * }
 * }</pre>
 */
public final class BatchField {
    public static final String KEY = "batch";

    private BatchField() {}

    /** Sets {@code batch} for this thread until the scope closes, which puts back what was there before. */
    public static Scope of(String batch) {
        String before = MDC.get(KEY);
        MDC.put(KEY, batch);
        return () -> {
            if (before == null) {
                MDC.remove(KEY);
            } else {
                MDC.put(KEY, before);
            }
        };
    }

    /** A scope whose close throws nothing. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
