package io.fetchbox.cluster;

import io.fetchbox.fetch.FetchProps;
import io.fetchbox.fetch.FetchTask;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.camel.ProducerTemplate;

/**
 * Puts downloads on the broker's fetch queue (docs/architecture.md, "Cluster mode"): persistent, tagged
 * with their batch's run, in the message group of their host and slot, and for a retry or a wait,
 * delivered by the broker at its time (no thread waits for it).
 *
 * <p>The group is what keeps fetchbox.per-host for the whole cluster: a host's URLs are spread over
 * {@code perHost} groups by line number, and Artemis hands the messages of one group to one consumer
 * at a time, which takes one at a time.
 */
final class TaskMessages {
    private final ProducerTemplate producer;
    private final int perHost;
    private final Function<String, String> runOfBatch;
    private final BooleanSupplier stopping;

    /**
     * @param runOfBatch the running batch's run identifier (the leader's registry), null when not running
     * @param stopping whether this node is stopping: a send the broker does not take then fails at once
     */
    TaskMessages(
            ProducerTemplate producer, int perHost, Function<String, String> runOfBatch, BooleanSupplier stopping) {
        this.producer = producer;
        this.perHost = perHost;
        this.runOfBatch = runOfBatch;
        this.stopping = stopping;
    }

    /** A new download from the feed (the leader), for its batch's current run. */
    void send(FetchTask task) {
        send(task, runOfBatch.apply(task.batch()), 0);
    }

    /** A download again (a retry, a redirect, a wait for its host), in {@code run}, after {@code delayMillis}. */
    void send(FetchTask task, String run, long delayMillis) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(BrokerQueues.GROUP, group(task, perHost));
        if (run != null) {
            headers.put(FetchProps.RUN, run);
        }
        if (delayMillis > 0) {
            headers.put(BrokerQueues.SCHEDULED_DELIVERY, System.currentTimeMillis() + delayMillis);
        }
        String body = Wire.task(task);
        UntilSent.send(
                "downloads",
                () -> producer.sendBodyAndHeaders(BrokerQueues.sendTo(BrokerQueues.FETCH), body, headers),
                stopping);
    }

    /** The task's host and one of {@code perHost} slots, by its line, so that a host's lines take turns. */
    static String group(FetchTask task, int perHost) {
        return task.hostKey() + "#" + Math.floorMod(task.entry().line(), perHost);
    }
}
