package io.fetchbox.fetch;

import org.apache.camel.Exchange;

/**
 * Where a download goes back to when it is not over: a redirect, a retry after its back-off, and a
 * host's pause (Retry-After). One node's is the host scheduler ({@link SchedulerQueue}); in cluster
 * mode it is the broker's queue, whose scheduled delivery holds the back-off (docs/architecture.md,
 * "Cluster mode").
 */
public interface TaskQueue {
    /** Hands {@code task} back, to run once {@code delayMillis} have passed; {@code current} is its last pass. */
    void requeue(Exchange current, FetchTask task, long delayMillis);

    /** A 429 or 503 with Retry-After: no request goes to the host until the time is up. */
    void pauseHost(String hostKey, long delayMillis);
}
