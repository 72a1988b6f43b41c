package io.fetchbox.fetch;

import org.apache.camel.Exchange;

/**
 * The downloads' host scheduler: its items are exchanges whose body is a {@link FetchTask}, in the lane of
 * the task's host and the line of its batch (docs/architecture.md, "The host scheduler").
 */
public final class FetchTasks {
    private FetchTasks() {}

    /** @param capacity how many tasks may wait before the feed route waits (back-pressure on the list) */
    public static HostScheduler<Exchange> scheduler(int perHost, double perHostRate, int capacity) {
        return new HostScheduler<>(
                perHost, perHostRate, capacity, FetchTasks::hostOf, FetchTasks::batchOf, System::nanoTime);
    }

    static String hostOf(Exchange exchange) {
        return taskOf(exchange).hostKey();
    }

    static String batchOf(Exchange exchange) {
        return taskOf(exchange).batch();
    }

    private static FetchTask taskOf(Exchange exchange) {
        FetchTask task = exchange.getMessage().getBody(FetchTask.class);
        if (task == null) {
            throw new IllegalArgumentException(
                    "not a download: " + exchange.getMessage().getBody());
        }
        return task;
    }
}
