package io.fetchbox.observe;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fetchbox.report.BatchEvents;
import io.fetchbox.report.Outcome;
import io.fetchbox.url.UrlText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last few failed or invalid lines of each batch this process ran, for the status page and the
 * API: line, URL (credentials always {@code ***}), error code, HTTP status. Bounded: {@link #PER_BATCH}
 * lines for each of the last {@link #BATCHES} batches.
 */
public final class RecentFailures implements BatchEvents {
    public static final int PER_BATCH = 10;
    static final int BATCHES = 200;

    /** One failed line as the page shows it. */
    public record Failure(
            long line,
            String url,
            String error,
            @JsonProperty("http_status") Integer httpStatus) {
        public static Failure of(Outcome outcome) {
            String error = outcome.error() != null ? outcome.error() : outcome.outcome();
            // already so in the outcome; again here, as this is what the page and the API show
            String url = UrlText.shown(outcome.url(), !Outcome.INVALID.equals(outcome.outcome()));
            return new Failure(outcome.line(), url, error, outcome.httpStatus());
        }
    }

    private final Map<String, Deque<Failure>> byBatch = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Failure>> eldest) {
            return size() > BATCHES;
        }
    };

    @Override
    public synchronized void started(String batch) {
        byBatch.put(batch, new ArrayDeque<>());
    }

    @Override
    public void outcome(Outcome outcome) {
        if (!outcome.needsRetry()) {
            return;
        }
        Failure failure = Failure.of(outcome);
        synchronized (this) {
            Deque<Failure> recent = byBatch.computeIfAbsent(outcome.batch(), b -> new ArrayDeque<>());
            recent.addLast(failure);
            while (recent.size() > PER_BATCH) {
                recent.removeFirst();
            }
        }
    }

    /** The batch's last failures, oldest first; empty when this process did not run it. */
    public synchronized Optional<List<Failure>> of(String batch) {
        Deque<Failure> recent = byBatch.get(batch);
        return recent == null ? Optional.empty() : Optional.of(new ArrayList<>(recent));
    }
}
