package io.fetchbox.batch;

import io.fetchbox.report.Outcome;
import java.util.List;

/**
 * What the batch registry tells observers (metrics, the status page's failure list): a run started
 * (a new one or a resumed one), one of its lines got its outcome, it finished. Called on the
 * registry's threads: implementations must be quick and must not throw.
 */
public interface BatchEvents {
    BatchEvents NONE = new BatchEvents() {};

    default void started(String batch) {}

    default void outcome(Outcome outcome) {}

    default void finished(String batch) {}

    /** Tells each of {@code observers}, in order. */
    static BatchEvents all(BatchEvents... observers) {
        List<BatchEvents> list = List.of(observers);
        return new BatchEvents() {
            @Override
            public void started(String batch) {
                list.forEach(o -> o.started(batch));
            }

            @Override
            public void outcome(Outcome outcome) {
                list.forEach(o -> o.outcome(outcome));
            }

            @Override
            public void finished(String batch) {
                list.forEach(o -> o.finished(batch));
            }
        };
    }
}
