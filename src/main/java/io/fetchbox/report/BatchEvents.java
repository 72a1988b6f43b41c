package io.fetchbox.report;

import java.util.List;

/**
 * What happens to batches, for observers (metrics, the status page's failure list, the stall watch):
 * a run started (a new one or a resumed one), an attempt failed and will be tried again, one of its
 * lines got its outcome, it finished. Here, below both {@code batch} and {@code fetch}, so that both
 * tell it without knowing who listens. Called on fetchbox's own threads: implementations must be
 * quick and must not throw.
 */
public interface BatchEvents {
    BatchEvents NONE = new BatchEvents() {};

    default void started(String batch) {}

    /** An attempt to {@code hostKey} failed with {@code errorCode} and will be tried again. */
    default void retried(String hostKey, String errorCode) {}

    default void outcome(Outcome outcome) {}

    default void finished(String batch) {}

    /** Why an outcome was not recorded: another run's, or a line's second (cluster mode). */
    String STALE = "stale";

    String DUPLICATE = "duplicate";

    /** An outcome of {@code batch} dropped, for {@code reason} ({@link #STALE} or {@link #DUPLICATE}). */
    default void dropped(String batch, String reason) {}

    /** Tells each of {@code observers}, in order. */
    static BatchEvents all(BatchEvents... observers) {
        List<BatchEvents> list = List.of(observers);
        return new BatchEvents() {
            @Override
            public void started(String batch) {
                list.forEach(o -> o.started(batch));
            }

            @Override
            public void retried(String hostKey, String errorCode) {
                list.forEach(o -> o.retried(hostKey, errorCode));
            }

            @Override
            public void outcome(Outcome outcome) {
                list.forEach(o -> o.outcome(outcome));
            }

            @Override
            public void finished(String batch) {
                list.forEach(o -> o.finished(batch));
            }

            @Override
            public void dropped(String batch, String reason) {
                list.forEach(o -> o.dropped(batch, reason));
            }
        };
    }
}
